package com.syncledger.sandbox;

import java.util.concurrent.CountDownLatch;

/** Runs every fake platform with the demo accounts until interrupted, printing where each listens. */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Sandbox sandbox = Sandbox.startWithDemoData();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.println(describe(sandbox));
        stopped.await();
    }

    /** The fakes' base URLs and the environment that points SyncLedger at them. */
    public static String describe(Sandbox sandbox) {
        StringBuilder out = new StringBuilder("Sandbox platforms (loopback):\n");
        sandbox.fakes().values().stream()
                .sorted(java.util.Comparator.comparing(FakePlatform::slug))
                .forEach(f -> out.append(String.format("  %-10s %s%n", f.slug(), f.baseUrl())));
        out.append("\nDemo accounts:\n");
        DemoData.ACCOUNTS.stream()
                .filter(a -> sandbox.fakes().containsKey(a.platform()))
                .forEach(a -> out.append(String.format("  --account %s=%s   (%s, %s)%n",
                        a.platform(), a.id(), a.currency(), a.timeZone())));
        out.append("\nEnvironment for SyncLedger (e.g. save as .env):\n");
        sandbox.environment().forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }
}
