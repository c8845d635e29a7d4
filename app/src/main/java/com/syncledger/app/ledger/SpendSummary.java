package com.syncledger.app.ledger;

import com.syncledger.app.ledger.MonthlySpend.Month;
import com.syncledger.app.ledger.MonthlySpend.PlatformMonth;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the per-platform monthly summary, which the spend writer keeps current ({@link SummaryUpkeep}), and
 * rebuilds it whole for data loaded around the writer (a bulk {@code COPY} into {@code spend_day}).
 */
@Component
public class SpendSummary {

    /** The longest range one summary read may cover (three years). */
    public static final int MAX_MONTHS = 36;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Stores stores;

    public SpendSummary(JdbcTemplate template, Stores stores) {
        this.jdbc = JdbcClient.create(template);
        this.template = template;
        this.stores = stores;
    }

    /** The store's months {@code from..to}, each listed even when it holds no day. */
    public MonthlySpend read(long storeId, YearMonth from, YearMonth to) {
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw new InvalidInputException("range", "must run forward over at most " + MAX_MONTHS + " months");
        }
        stores.get(storeId);
        Map<YearMonth, List<PlatformMonth>> byMonth = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            byMonth.put(m, new ArrayList<>());
        }
        jdbc.sql("""
                        select month, platform, currency, spend_micros, days, last_fetched_at
                        from platform_spend_summary
                        where store_id = ? and month between ? and ?""")
                .params(storeId, from.atDay(1), to.atDay(1))
                .query(rs -> {
                    LocalDate month = rs.getDate("month").toLocalDate();
                    byMonth.get(YearMonth.from(month)).add(new PlatformMonth(Platform.fromSlug(rs.getString("platform")),
                            Money.ofMicros(rs.getLong("spend_micros"), rs.getString("currency")), rs.getInt("days"),
                            rs.getTimestamp("last_fetched_at").toInstant()));
                });
        Comparator<PlatformMonth> order = Comparator.comparing(PlatformMonth::platform)
                .thenComparing(p -> p.spend().currency());
        List<Month> months = byMonth.entrySet().stream()
                .map(e -> new Month(e.getKey(), e.getValue().stream().sorted(order).toList()))
                .toList();
        return new MonthlySpend(storeId, from, to, months);
    }

    /**
     * Computes the given months of the account again from its current days, as a write that changed them does
     * ({@link SummaryUpkeep}); a repair, and what the upkeep costs, measured alone.
     */
    @Transactional
    public void recompute(long adAccountId, Collection<YearMonth> months) {
        template.execute((Connection connection) -> {
            Array links = SummaryUpkeep.lockLinks(connection, adAccountId).ids(connection);
            SummaryUpkeep.recompute(connection, links, connection.createArrayOf("date",
                    months.stream().map(m -> Date.valueOf(m.atDay(1))).toArray()));
            return null;
        });
    }

    /**
     * The statement a write runs to keep the summary, with its two parameters: the links ({@code bigint[]}) and
     * the first days of the months ({@code date[]}). For a benchmark's plan.
     */
    public static String upkeepStatement() {
        return SummaryUpkeep.RECOMPUTE;
    }

    /**
     * Builds the summary again from every current day, every month of every account computed as a write computes
     * it ({@link SummaryUpkeep}). For loaders that write {@code spend_day} directly; the service never needs it.
     */
    @Transactional
    public void rebuild() {
        jdbc.sql("delete from account_month_spend").update();
        template.execute((Connection connection) -> {
            SummaryUpkeep.recompute(connection,
                    connection.createArrayOf("bigint", jdbc.sql("select id from ad_account").query(Long.class).list()
                            .toArray()),
                    connection.createArrayOf("date", jdbc.sql("select distinct date_trunc('month', day)::date "
                            + "from spend_day").query(Date.class).list().toArray()));
            return null;
        });
    }
}
