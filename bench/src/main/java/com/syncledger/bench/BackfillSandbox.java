package com.syncledger.bench;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Sandbox;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The sandbox of {@link BackfillMemoryBench}, in a process of its own so that the measured JVM holds only the
 * service's side: every fake with one account per platform for each of {@code stores} stores and {@code days}
 * days of spend ending yesterday (UTC), recording switched off. Prints the environment pointing at it as
 * {@code NAME=value} lines, then {@code READY}, and stops when its standard input closes.
 */
public final class BackfillSandbox {

    static final String READY = "READY";
    private static final String[] ZONES = {"America/New_York", "Europe/Berlin", "America/Los_Angeles", "Europe/London"};

    private BackfillSandbox() {
    }

    public static void main(String[] args) throws IOException {
        int stores = Integer.parseInt(args[0]);
        int days = Integer.parseInt(args[1]);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        try (Sandbox sandbox = Sandbox.start()) {
            for (FakePlatform fake : sandbox.fakes().values()) {
                fake.recordRequests(false);
            }
            for (int store = 1; store <= stores; store++) {
                for (Platform platform : Platform.values()) {
                    String currency = AgencyData.storeCurrency(store);
                    String zone = ZONES[store % ZONES.length];
                    DemoData.DemoAccount account = new DemoData.DemoAccount(platform.slug(), accountId(store, platform),
                            currency, zone, "Store " + store + " " + platform.displayName());
                    sandbox.fake(platform.slug()).addAccount(DemoData.generate(account, yesterday, days));
                }
            }
            sandbox.environment().forEach((name, value) -> System.out.println(name + "=" + value));
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the benchmark closes its end
            }
        }
    }

    /** The store's account on the platform, an id of the platform's own shape. */
    static String accountId(int store, Platform platform) {
        long account = (long) (store - 1) * Platform.values().length + platform.ordinal() + 1;
        String id = AgencyData.externalId(store, platform, account);
        return platform == Platform.REDDIT ? id.replace("t2_", "a2_") : id;
    }
}
