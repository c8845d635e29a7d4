package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestDatabase;
import com.syncledger.connectors.wire.Env;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class LedgerCliTest {

    private static Env env;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        env = db.env(Map.of());
        jdbc = JdbcClient.create(db.dataSource());
        CliRun created = CliRun.of(env, "stores", "add", "--name", "Northwind", "--time-zone", "America/New_York",
                "--currency", "USD");
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("Added store 1: Northwind");
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from store) + (select count(*) from ad_account) "
                + "+ (select count(*) from sync_run) + (select count(*) from baseline)").query(Long.class).single();
    }

    @Test
    void linksListsAndShowsSpendWithItsCompleteness() {
        CliRun linked = CliRun.of(env, "accounts", "link", "--store", "1", "--account", "google=123-456-7890");
        assertThat(linked.exitCode()).isZero();
        assertThat(CliRun.of(env, "accounts", "list", "--store", "1").out()).contains("google", "1234567890");
        CliRun spend = CliRun.of(env, "spend", "--store", "1", "--from", "2026-01-01", "--to", "2026-01-02");
        assertThat(spend.exitCode()).as("incomplete spend exits 1").isEqualTo(1);
        assertThat(spend.out()).contains("missing_days", "INCOMPLETE");
    }

    @Test
    void badInputIsRejectedWithAClearMessageAndWritesNothing() {
        long before = rows();
        record Case(String[] args, String message) {
        }
        var cases = new Case[] {
                new Case(new String[] {"stores", "add", "--name", "X", "--time-zone", "Mars/Base", "--currency", "USD"},
                        "timeZone: must be an IANA time zone"),
                new Case(new String[] {"stores", "add", "--name", "X", "--time-zone", "UTC", "--currency", "EURO"},
                        "billingCurrency: must be an ISO-4217 code"),
                new Case(new String[] {"stores", "show", "999"}, "store 999 does not exist"),
                new Case(new String[] {"accounts", "link", "--store", "999", "--account", "meta=act_1"},
                        "store 999 does not exist"),
                new Case(new String[] {"accounts", "link", "--store", "1", "--account", "myspace=1"},
                        "unknown platform 'myspace'"),
                new Case(new String[] {"accounts", "link", "--store", "1", "--account", "google=12-34"},
                        "invalid Google Ads account id '12-34'"),
                new Case(new String[] {"accounts", "link", "--store", "1", "--account", "snapchat"},
                        "must be PLATFORM=ID"),
                new Case(new String[] {"spend", "--store", "1", "--from", "2026-02-30", "--to", "2026-03-01"},
                        "invalid start date '2026-02-30'"),
                new Case(new String[] {"baseline", "create", "--store", "1", "--from", "2026-03-02", "--to", "2026-03-01"},
                        "is before its start"),
                new Case(new String[] {"sync", "--store", "1", "--from", "2026-03-01"}, "give both --from and --to"),
                new Case(new String[] {"sync", "--store", "1", "--all"}, "mutually exclusive"),
                new Case(new String[] {"stores", "show", "abc"}, "Invalid value for positional parameter"),
        };
        for (Case c : cases) {
            CliRun run = CliRun.of(env, c.args());
            assertThat(run.exitCode()).as(String.join(" ", c.args())).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", c.args())).contains(c.message());
        }
        assertThat(rows()).isEqualTo(before);
    }
}
