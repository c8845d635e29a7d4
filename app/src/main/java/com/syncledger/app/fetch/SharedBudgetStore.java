package com.syncledger.app.fetch;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Budgets in the ledger's PostgreSQL, so every process using a credential (each {@code serve} instance, a CLI
 * {@code fetch}, {@code platforms --check}) takes from one budget: Bucket4j's PostgreSQL proxy-manager (rows
 * of {@code rate_budget_bucket}, each consumption one short {@code select ... for update} transaction) and the
 * platform's back-off signal in {@code rate_budget_pause}, timed by the database's clock. Waiting for a token
 * holds no connection: Bucket4j reserves the token in one transaction and then sleeps.
 */
public final class SharedBudgetStore implements BudgetStore {

    private final DataSource dataSource;
    private final ProxyManager<String> buckets;

    public SharedBudgetStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_budget_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .build();
    }

    /**
     * Refills over 110% of the limit's period. The bucket bounds when requests are sent; a platform counts when
     * they arrive. Requests of several processes (machines, threads waking late on a busy host) take different
     * times to arrive, so a window at the platform can hold requests sent over a slightly longer window: the
     * tenth lets them arrive up to a tenth of the period late and still stay within the limit.
     */
    @Override
    public Duration refillPeriod(Duration period) {
        return period.plus(period.dividedBy(10));
    }

    @Override
    public Bucket bucket(String credential, BucketConfiguration configuration) {
        // A changed limit (another setting, a new release's documented limit) replaces the stored one.
        return buckets.builder()
                .withImplicitConfigurationReplacement(version(configuration), TokensInheritanceStrategy.PROPORTIONALLY)
                .build(credential, () -> configuration);
    }

    @Override
    public ThrottlePause pause(String credential) {
        return new ThrottlePause() {
            @Override
            public Duration remaining() {
                return Duration.ofMillis(run("""
                        select coalesce(max(extract(epoch from (paused_until - now())) * 1000), 0)::bigint
                        from rate_budget_pause where id = ?""", credential, null));
            }

            @Override
            public void extend(Duration pause) {
                run("""
                        insert into rate_budget_pause (id, paused_until) values (?, now() + make_interval(secs => ?))
                        on conflict (id) do update set paused_until = greatest(rate_budget_pause.paused_until,
                            excluded.paused_until) returning 0::bigint""", credential, pause.toMillis() / 1000.0);
            }
        };
    }

    @Override
    public String toString() {
        return "postgresql";
    }

    /** One short statement on a pooled connection, given back at once; answers the first column of its row. */
    private long run(String sql, String credential, Double seconds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, credential);
            if (seconds != null) {
                statement.setDouble(2, seconds);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot read or set the shared rate budget's pause", e);
        }
    }

    /** A version that changes with the limit, so Bucket4j knows when to replace a stored configuration. */
    private static long version(BucketConfiguration configuration) {
        return Integer.toUnsignedLong(configuration.toString().hashCode());
    }
}
