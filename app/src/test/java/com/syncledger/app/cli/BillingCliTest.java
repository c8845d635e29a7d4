package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestDatabase;
import com.syncledger.connectors.wire.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code ledger import|close}, {@code fx import|set|list} and {@code audit list}, on a real database. */
class BillingCliTest {

    private static final String HEADER = "external_id,date,kind,amount,currency,platform,platform_campaign_id,"
            + "description\n";

    private static Env env;
    private static JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        env = db.env(Map.of());
        jdbc = JdbcClient.create(db.dataSource());
        for (String name : new String[] {"Northwind", "Contoso"}) {
            assertThat(CliRun.of(env, "stores", "add", "--name", name, "--time-zone", "Europe/Berlin", "--currency",
                    "EUR").exitCode()).isZero();
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static long entries(long store) {
        return jdbc.sql("select count(*) from ledger_entry where store_id = ?").param(store).query(Long.class).single();
    }

    @Test
    void importsACsvFileOnceAndRefusesABadOneWithItsLineNumbers() throws IOException {
        Path good = file("march.csv", HEADER + """
                ord-1,2026-03-01,revenue,120.00,EUR,google,cmp-7,Order 1
                ord-1-r,2026-03-03,refund,20.00,EUR,,,
                fee-1,2026-03-03,payment_fee,1.20,EUR
                adj-1,2026-03-04,adjustment,-12.50,EUR,,,"Goodwill, March"
                """);
        CliRun first = CliRun.of(env, "ledger", "import", "--store", "1", good.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("4 entries recorded, 0 already present");
        CliRun again = CliRun.of(env, "ledger", "import", "--store", "1", good.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 entries recorded, 4 already present");
        assertThat(entries(1)).isEqualTo(4);

        Path bad = file("bad.csv", HEADER + """
                ok-1,2026-03-05,revenue,1.00,EUR
                bad-kind,2026-03-05,gift,1.00,EUR
                bad-currency,2026-03-05,revenue,1.00,XYZ
                negative,2026-03-05,shipping,-4.00,EUR
                bad-date,05/03/2026,revenue,1.00,EUR
                """);
        CliRun refused = CliRun.of(env, "ledger", "import", "--store", "1", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("nothing was written", "line 3 kind: must be one of revenue, refund",
                "line 4 currency: 'XYZ' is not a known ISO-4217 currency code",
                "line 5 amount: must be positive for shipping", "line 6 date: must be a date YYYY-MM-DD");
        assertThat(refused.err().indexOf("line 3")).isLessThan(refused.err().indexOf("line 6"));
        assertThat(entries(1)).isEqualTo(4);

        Path header = file("header.csv", "external_id,date,type,amount,currency\nx,2026-03-01,revenue,1,EUR\n");
        CliRun wrongHeader = CliRun.of(env, "ledger", "import", "--store", "1", header.toString());
        assertThat(wrongHeader.exitCode()).isEqualTo(2);
        assertThat(wrongHeader.err()).contains("line 1: the header must be exactly " + HEADER.strip());
        CliRun missing = CliRun.of(env, "ledger", "import", "--store", "1", dir.resolve("none.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read");
        CliRun conflict = CliRun.of(env, "ledger", "import", "--store", "1",
                file("conflict.csv", HEADER + "ord-1,2026-03-01,revenue,121.00,EUR\n").toString());
        assertThat(conflict.exitCode()).isEqualTo(2);
        assertThat(conflict.err()).contains("'ord-1' was already recorded with different content");
        assertThat(entries(1)).isEqualTo(4);
    }

    @Test
    void aCloseRefusesLaterImportsOfItsPeriodAndNeverMovesBack() throws IOException {
        CliRun closed = CliRun.of(env, "ledger", "close", "--store", "2", "--through", "2026-02-28");
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        assertThat(closed.out()).contains("Revenue of store 2 is closed through 2026-02-28");
        assertThat(CliRun.of(env, "ledger", "closed", "--store", "2").out()).contains("closed through 2026-02-28");

        Path late = file("late.csv", HEADER + "mar-1,2026-03-01,revenue,5.00,EUR\nfeb-1,2026-02-28,cogs,5.00,EUR\n");
        CliRun refused = CliRun.of(env, "ledger", "import", "--store", "2", late.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("line 3 dated 2026-02-28 cannot be recorded",
                "a late correction goes in as an adjustment dated in an open period");
        assertThat(entries(2)).isZero();

        CliRun back = CliRun.of(env, "ledger", "close", "--store", "2", "--through", "2026-01-31");
        assertThat(back.exitCode()).isEqualTo(2);
        assertThat(back.err()).contains("a close never moves back");
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString();
        CliRun future = CliRun.of(env, "ledger", "close", "--store", "2", "--through", tomorrow);
        assertThat(future.exitCode()).isEqualTo(2);
        assertThat(future.err()).contains("in the future of the store's time zone");
        assertThat(CliRun.of(env, "ledger", "close", "--store", "99", "--through", "2026-01-31").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of(env, "ledger", "close", "--store", "2", "--through", "2026-02-28").out())
                .contains("already closed through 2026-02-28; nothing changed");
    }

    @Test
    void importsSetsAndListsRatesAndTheAuditTrailSaysItWasTheCli() throws IOException {
        Path ecb = file("eurofxref-hist.csv", """
                Date,USD,JPY,BGN,GBP,
                2026-04-08,1.1000,160.50,1.9558,N/A,
                2026-04-07,1.0825,160.00,1.9558,0.85,
                """);
        CliRun imported = CliRun.of(env, "fx", "import", ecb.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("ECB rates: 7 recorded, 0 already present");
        assertThat(CliRun.of(env, "fx", "import", ecb.toString()).out()).contains("0 recorded, 7 already present");

        Path changed = file("changed.csv", Files.readString(ecb).replace("0.85", "0.86"));
        CliRun conflict = CliRun.of(env, "fx", "import", changed.toString());
        assertThat(conflict.exitCode()).isEqualTo(2);
        assertThat(conflict.err()).contains("2026-04-07 EUR/GBP is recorded as 0.85, not 0.86");
        CliRun invalid = CliRun.of(env, "fx", "import", file("neg.csv", "Date,USD,ABC,\n2026-04-09,-1.1,1,\n")
                .toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains("line 1 column 3: 'ABC' is not a known ISO-4217 currency code");

        CliRun set = CliRun.of(env, "fx", "set", "--date", "2026-04-08", "--base", "EUR", "--quote", "GBP", "--rate",
                "0.8512");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("Recorded 2026-04-08  1 EUR = 0.8512 GBP  (manual)");
        CliRun negative = CliRun.of(env, "fx", "set", "--date", "2026-04-09", "--base", "EUR", "--quote", "USD",
                "--rate", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("rate: a rate must be greater than zero");
        assertThat(CliRun.of(env, "fx", "set", "--date", "2026-04-08", "--base", "EUR", "--quote", "GBP", "--rate",
                "0.9").exitCode()).isEqualTo(2);

        CliRun listed = CliRun.of(env, "fx", "list", "--from", "2026-04-07", "--to", "2026-04-08", "--quote", "GBP");
        assertThat(listed.out()).contains("2026-04-07  1 EUR = 0.85 GBP  (ecb)", "2026-04-08  1 EUR = 0.8512 GBP");

        CliRun audit = CliRun.of(env, "audit", "list", "--json");
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("\"action\" : \"fx_rate.set\"", "\"action\" : \"fx_rate.import_ecb\"",
                "\"actor\" : \"cli\"").doesNotContain("key:");
        assertThat(CliRun.of(env, "audit", "list").out()).contains("cli", "fx_rate.set");
        assertThat(CliRun.of(env, "audit", "list", "--store", "99").exitCode()).isEqualTo(2);
    }
}
