package com.syncledger.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.Sandbox;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a sync after a fault must leave: no run open, every asked day stored once, with the platform's value. */
final class ConvergedSpend {

    private ConvergedSpend() {
    }

    /**
     * A task interrupted by the fault may be run again (by its retry or another instance) and finish its backfill
     * before the sync that gave {@code outcomes} (which then reads only its restatement window): so every day
     * any run of the account asked for is checked, not only the last sync's range.
     */
    static void assertExact(JdbcClient jdbc, Sandbox sandbox, List<SyncOutcome> outcomes) {
        assertThat(count(jdbc, "select count(*) from sync_run where status = 'running'")).isZero();
        for (SyncOutcome outcome : outcomes) {
            long account = outcome.account().id();
            FakeAccount truth = sandbox.fake(outcome.account().platform().slug())
                    .account(outcome.account().externalId()).orElseThrow();
            List<Map<String, Object>> days = jdbc.sql(
                    "select day, amount_micros from spend_day where ad_account_id = ? order by day")
                    .param(account).query().listOfRows();
            LocalDate oldest = jdbc.sql("select min(range_from) from sync_run where ad_account_id = ?")
                    .param(account).query(LocalDate.class).single();
            LocalDate newest = jdbc.sql("select max(range_to) from sync_run where ad_account_id = ?")
                    .param(account).query(LocalDate.class).single();
            assertThat(outcome.range().from()).isAfterOrEqualTo(oldest);
            assertThat(days).as("every day from %s to %s, once", oldest, newest)
                    .hasSize(DateRange.of(oldest, newest).days());
            for (Map<String, Object> day : days) {
                LocalDate date = ((java.sql.Date) day.get("day")).toLocalDate();
                assertThat(day.get("amount_micros")).as("%s", date)
                        .isEqualTo(Money.ofMajor(truth.totalOn(date), "USD").micros());
            }
            assertThat(count(jdbc, "select count(*) from spend_version where ad_account_id = " + account))
                    .as("one version per day").isEqualTo(days.size());
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
