package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.api.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's first command, as a new user runs it: {@code syncledger demo} in its own JVM with a fresh home,
 * until it serves; the key it printed reads the stores and the spend it printed; SIGTERM stops it and leaves
 * no process and no lock behind.
 */
class DemoFirstRunTest {

    private static final Pattern KEY = Pattern.compile("API key for this demo run[^\\n]*\\n\\s+(\\S+)");
    private static final Pattern BASE = Pattern.compile("curl (http://localhost:\\d+)/healthz");
    private static final Pattern SPEND = Pattern.compile("'http://localhost:\\d+(/stores/\\d+/spend\\?from=[0-9-]+&to=[0-9-]+)'");
    private static final Pattern FIRST_TOTAL = Pattern.compile(", last 30 days:\\n(?:.*\\n)*?Total (\\w{3}): (\\S+)\\n");

    @TempDir
    Path dir;

    private Process demo;

    @AfterEach
    void stop() {
        if (demo != null && demo.isAlive()) {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    @Test
    void theDemoServesWithThePrintedKeyAndStopsCleanly() throws Exception {
        Path home = dir.resolve("home");
        Path out = dir.resolve("demo.out");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SyncLedgerApplication.class.getName(), "demo")
                .redirectOutput(out.toFile()).redirectError(dir.resolve("demo.err").toFile());
        builder.environment().put("SYNCLEDGER_HOME", home.toString());
        builder.environment().put("SYNCLEDGER_PORT", "0"); // any free port; the demo prints the one it got
        demo = builder.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(out).contains("Press Ctrl-C to stop.") || !demo.isAlive());
        String printed = Files.readString(out);
        assertThat(demo.isAlive()).as(printed + Files.readString(dir.resolve("demo.err"))).isTrue();

        Http api = new Http(group(BASE, printed, 1), group(KEY, printed, 1));
        Http.Reply stores = api.get("/stores");
        assertThat(stores.status()).isEqualTo(200);
        assertThat(stores.body()).contains("Northwind (demo)", "Alpine (demo)");
        JsonNode spend = api.get(group(SPEND, printed, 1)).json();
        assertThat(spend.get("complete").asBoolean()).isTrue();
        JsonNode total = spend.get("totals").get(0);
        assertThat(total.get("currency").asString()).isEqualTo(group(FIRST_TOTAL, printed, 1));
        assertThat(total.get("amount").asString()).isEqualTo(group(FIRST_TOTAL, printed, 2));
        assertThat(api.withKey("slk_not-the-printed-key").get("/stores").status()).isEqualTo(401);

        // pg_ctl starts PostgreSQL detached from the demo's JVM: its pid is the first line of postmaster.pid.
        Path pgdata = home.resolve("demo").resolve("pgdata");
        long postmaster = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).getFirst().strip());
        List<ProcessHandle> processes = Stream.concat(demo.descendants(),
                ProcessHandle.of(postmaster).stream()).toList();
        assertThat(processes).as("the embedded PostgreSQL runs").anyMatch(p -> p.pid() == postmaster);
        demo.destroy(); // SIGTERM, as Ctrl-C or a service manager sends
        assertThat(demo.waitFor()).as("exit status after SIGTERM").isIn(0, 143);
        await().atMost(Duration.ofSeconds(30)).until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(pgdata.resolve("postmaster.pid")).as("PostgreSQL's lock").doesNotExist();
        try (var files = Files.list(pgdata)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no lock file left").noneMatch(n -> n.endsWith(".lock"));
        }
    }

    private static String group(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in%n%s", pattern, text).isTrue();
        return m.group(group);
    }
}
