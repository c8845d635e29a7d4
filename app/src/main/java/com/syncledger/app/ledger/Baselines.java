package com.syncledger.app.ledger;

import com.syncledger.app.ledger.StoreSpend.AccountSpend;
import com.syncledger.app.ledger.StoreSpend.Completeness;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.NotFoundException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Baseline snapshots, built only from complete, fresh spend unless explicitly provisional. */
@Component
public class Baselines {

    private static final String PLATFORM_COLUMNS = Arrays.stream(Platform.values())
            .map(p -> p.slug() + "_micros").collect(Collectors.joining(", "));
    private static final String PLATFORM_SUMS = Arrays.stream(Platform.values())
            .map(p -> "coalesce(sum(d.amount_micros) filter (where a.platform = '" + p.slug() + "'), 0)")
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final SpendQueries spend;
    private final Stores stores;

    public Baselines(JdbcClient jdbc, SpendQueries spend, Stores stores) {
        this.jdbc = jdbc;
        this.spend = spend;
        this.stores = stores;
    }

    /**
     * Takes a snapshot of the store's current spend over {@code range}.
     *
     * @throws ConflictException listing every account without complete, fresh data, unless provisional
     */
    // One snapshot of the data: a sync committing meanwhile cannot make the check, the amounts and the
    // pinned versions disagree.
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Baseline create(long storeId, DateRange range, boolean provisional) {
        StoreSpend current = spend.read(storeId, range);
        if (current.accounts().isEmpty()) {
            throw new ConflictException("store " + storeId + " has no linked ad accounts");
        }
        List<String> gaps = current.accounts().stream()
                .filter(a -> a.status() != Completeness.COMPLETE)
                .map(Baselines::describeGap)
                .toList();
        if (!gaps.isEmpty() && !provisional) {
            throw new ConflictException("cannot take a baseline of store " + storeId + " for " + range
                    + ": not every account has complete, fresh data (" + String.join("; ", gaps)
                    + "). Sync first, or mark the baseline provisional.");
        }
        long id = jdbc.sql("""
                insert into baseline (store_id, range_from, range_to, provisional, gaps) values (?, ?, ?, ?, ?)
                returning id""")
                .params(storeId, range.from(), range.to(), provisional, gaps.isEmpty() ? null : String.join("\n", gaps))
                .query(Long.class).single();
        jdbc.sql("insert into baseline_amount (baseline_id, currency, " + PLATFORM_COLUMNS + ") "
                        + "select ?, d.currency, " + PLATFORM_SUMS + " from spend_day d join ad_account a on a.id = d.ad_account_id "
                        + "where a.store_id = ? and a.unlinked_at is null and d.day between ? and ? group by d.currency")
                .params(id, storeId, range.from(), range.to()).update();
        jdbc.sql("""
                insert into baseline_spend_version (baseline_id, spend_version_id)
                select ?, d.current_version_id from spend_day d join ad_account a on a.id = d.ad_account_id
                where a.store_id = ? and a.unlinked_at is null and d.day between ? and ?""")
                .params(id, storeId, range.from(), range.to()).update();
        return get(storeId, id);
    }

    public Baseline get(long storeId, long baselineId) {
        return jdbc.sql("select * from baseline where id = ? and store_id = ?")
                .params(baselineId, storeId)
                .query((ResultSet rs, int row) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("store " + storeId + " has no baseline " + baselineId));
    }

    public List<Baseline> list(long storeId, int offset, int limit) {
        stores.get(storeId);
        return jdbc.sql("select * from baseline where store_id = ? order by id desc offset ? limit ?")
                .params(storeId, offset, limit)
                .query((ResultSet rs, int row) -> map(rs)).list();
    }

    private static String describeGap(AccountSpend account) {
        String who = account.platform().slug() + " account " + account.externalId();
        return switch (account.status()) {
            case MISSING_DAYS -> who + " is missing " + account.missingDays().size() + " day(s) from "
                    + account.missingDays().getFirst();
            case STALE -> who + " is stale (" + account.lastSyncError() + ")";
            case COMPLETE -> who + " is complete";
        };
    }

    private Baseline map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String gaps = rs.getString("gaps");
        List<Baseline.Amounts> amounts = jdbc.sql("select * from baseline_amount where baseline_id = ? order by currency")
                .param(id).query((ResultSet a, int row) -> amounts(a)).list();
        int versions = jdbc.sql("select count(*) from baseline_spend_version where baseline_id = ?")
                .param(id).query(Integer.class).single();
        return new Baseline(id, rs.getLong("store_id"),
                DateRange.of(rs.getDate("range_from").toLocalDate(), rs.getDate("range_to").toLocalDate()),
                rs.getBoolean("provisional"), gaps == null ? List.of() : List.of(gaps.split("\n")),
                rs.getTimestamp("created_at").toInstant(), amounts, versions);
    }

    private static Baseline.Amounts amounts(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Map<Platform, Money> platforms = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            platforms.put(platform, Money.ofMicros(rs.getLong(platform.slug() + "_micros"), currency));
        }
        return new Baseline.Amounts(currency, platforms, Money.ofMicros(rs.getLong("total_micros"), currency));
    }
}
