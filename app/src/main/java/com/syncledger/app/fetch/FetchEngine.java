package com.syncledger.app.fetch;

import com.syncledger.app.connections.Connection;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.WireClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Fetches daily spend of many accounts on many platforms at once. Each account runs on its own virtual
 * thread: account info first, then its range in the platform's largest requests, each through the single
 * retry layer and the credential's shared rate budget. Every account gets an honest status: spend only when
 * every day came from the platform, an error with the platform's code and request id when not, and
 * {@code not_configured} without a single request when the platform has no credentials or no connector, or the
 * account's connection has no tokens (revoked). An account with a connection is fetched with that connection's
 * tokens and budget; the connection records its last successful use, and a refusal of its tokens marks it expired.
 * Safe for concurrent use; keep one per process so rate budgets and access tokens are shared.
 */
public final class FetchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(FetchEngine.class);

    private final ConnectorPool connectors;
    private final RetryLayer retries;
    private final RateBudgets budgets;
    private final FetchMetrics metrics;
    private final FetchSettings settings;
    private final AccountSlots slots;
    private final Clock clock;
    /** The stored connections; null when the engine has no database. */
    private final ConnectionStore connections;

    private FetchEngine(Env env, WireClient wire, MeterRegistry meters, FetchSettings settings, AccountSlots slots,
            Clock clock, ConnectorPool.Factory factory, BudgetStore budgetStore, ConnectionStore connections) {
        this.settings = settings;
        this.slots = slots;
        this.clock = clock;
        this.metrics = new FetchMetrics(meters);
        this.budgets = new RateBudgets(settings.accountDeadline(), meters, budgetStore);
        this.retries = new RetryLayer(settings);
        this.connections = connections;
        // Every request of every connector passes its credential's budget and the latency timer.
        this.connectors = new ConnectorPool(env, wire, metrics, factory, budgets, settings.rateLimits(), connections);
    }

    /**
     * The one way to build an engine: connectors from the platform factories on {@code env}, settings from
     * {@code env} unless given. Keep one per process so rate budgets and access tokens are shared.
     */
    public static Builder builder(Env env) {
        return new Builder(env);
    }

    /** Fetches every request, oldest chunk first, without a chunk listener. Results are in request order. */
    public List<AccountFetch> fetch(List<FetchRequest> requests) {
        return fetch(requests, ChunkListener.NONE, false);
    }

    /**
     * Fetches every request concurrently. Results are in request order.
     *
     * @param listener    told of each chunk as it succeeds; an exception it throws ends this call with that
     *                    exception once every account has finished
     * @param newestFirst take each account's newest chunk first (backfills)
     */
    public List<AccountFetch> fetch(List<FetchRequest> requests, ChunkListener listener, boolean newestFirst) {
        return fetch(requests.stream().map(request -> request.sink(listener)).toList(), newestFirst, true);
    }

    /**
     * Fetches every sink's account concurrently, telling each sink what happens to its account (see
     * {@link AccountSink}). Results are in the sinks' order. The days go to the sinks only: an {@code OK} result
     * here carries no report, so a backfill of thousands of accounts holds no account's days beyond the chunk
     * being handed over.
     *
     * @param newestFirst take each account's newest chunk first (backfills)
     */
    public List<AccountFetch> fetch(List<? extends AccountSink> sinks, boolean newestFirst) {
        return fetch(sinks, newestFirst, false);
    }

    /** @param keepDays whether an OK result carries the report of every day, joined from its chunks */
    private List<AccountFetch> fetch(List<? extends AccountSink> sinks, boolean newestFirst, boolean keepDays) {
        List<AccountFetch> results = new ArrayList<>(sinks.size());
        List<Money> totals = new ArrayList<>(sinks.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Finished>> running = sinks.stream()
                    .map(sink -> threads.submit(() -> fetchAccount(sink, newestFirst, keepDays)))
                    .toList();
            for (Future<Finished> finished : running) {
                results.add(finished.get().result());
                totals.add(finished.get().total());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching", e);
        }
        metrics.lastFetch(results, totals);
        return List.copyOf(results);
    }

    /**
     * The descriptor of the platform's connector (limits, retention, restatement window).
     *
     * @throws IllegalStateException when the platform is not configured
     */
    public ConnectorDescriptor descriptor(Platform platform) {
        Optional<SpendConnector> connector = connectors.connector(platform);
        if (connector.isEmpty() && connections != null) {
            // A platform reached only through connections: its limits and windows are the platform's, whoever's
            // tokens the connector holds, so any live connection of it tells them.
            for (Connection connection : connections.list()) {
                if (connector.isEmpty() && connection.platform() == platform
                        && connection.status() != Connection.Status.REVOKED) {
                    connector = connectors.connector(new ConnectorPool.Credential(platform,
                            OptionalLong.of(connection.id())));
                }
            }
        }
        return connector.map(SpendConnector::descriptor)
                .orElseThrow(() -> new IllegalStateException(platform.displayName() + " is not configured"));
    }

    /**
     * The descriptor of the platform's connector for accounts fetched with {@code connection} (empty: the
     * environment's credentials).
     *
     * @throws IllegalStateException when that credential is not configured (e.g. a revoked connection)
     */
    public ConnectorDescriptor descriptor(Platform platform, OptionalLong connection) {
        return connectors.connector(new ConnectorPool.Credential(platform, connection)).map(SpendConnector::descriptor)
                .orElseThrow(() -> new IllegalStateException(platform.displayName() + " is not configured"));
    }

    /** The request budget of the platform's credential; empty until its connector has been built. */
    public Optional<BudgetUse> budgetUse(Platform platform) {
        return budgets.use(platform);
    }

    /** The request budget of a connection's credential; empty until its connector has been built. */
    public Optional<BudgetUse> connectionBudgetUse(Platform platform, long connectionId) {
        return budgets.connectionUse(CredentialKey.ofConnection(platform, connectionId));
    }

    /**
     * When a sync of an account fetched with this credential had better start, rather than wait for the
     * credential's budget while holding a sync thread; empty when the budget has room now (or is not set up yet).
     */
    public Optional<Instant> budgetTurn(Platform platform, OptionalLong connection) {
        return budgets.nextTurn(platform, connection, Instant.now());
    }

    /** One cheap authenticated call per platform, concurrently, to prove its credentials work. */
    public List<CredentialCheck> checkCredentials() {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CredentialCheck>> running = List.of(Platform.values()).stream()
                    .map(platform -> threads.submit(() -> checkCredentials(platform)))
                    .toList();
            List<CredentialCheck> checks = new ArrayList<>();
            for (Future<CredentialCheck> check : running) {
                checks.add(check.get());
            }
            return List.copyOf(checks);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking credentials", e);
        }
    }

    private CredentialCheck checkCredentials(Platform platform) {
        Optional<SpendConnector> connector;
        try {
            connector = connectors.connector(platform);
        } catch (IllegalArgumentException e) {
            return CredentialCheck.failed(platform, new FetchError(ErrorKind.INVALID_REQUEST, e.getMessage(), null, null));
        }
        if (connector.isEmpty()) {
            return CredentialCheck.notConfigured(platform);
        }
        try {
            Deadline.after(settings.accountDeadline()).enclose(() -> {
                connector.get().verifyCredentials();
                return null;
            });
            return CredentialCheck.ok(platform);
        } catch (UnsupportedOperationException e) {
            return CredentialCheck.unchecked(platform, e.getMessage());
        } catch (ConnectorException e) {
            return CredentialCheck.failed(platform, FetchError.of(e));
        }
    }

    /** One account's result and its spend over the days read (null unless OK), for the spend gauge. */
    private record Finished(AccountFetch result, Money total) {
    }

    private Finished fetchAccount(AccountSink sink, boolean newestFirst, boolean keepDays) {
        AccountRun run = new AccountRun(sink.account(), sink.connection(), keepDays);
        AccountFetch result = slots.inSlot(sink.account().platform(), () -> run.run(sink, newestFirst));
        metrics.fetched(result);
        if (result.error() != null) {
            LOG.warn("fetch failed platform={} kind={} code={} request_id={} message={}",
                    sink.account().platform().slug(), result.error().kind().slug(), result.error().platformCode(),
                    result.error().requestId(), result.error().message());
        }
        sink.finished(result);
        return new Finished(result, result.isOk() ? run.total : null);
    }

    /** The fetch of one account, keeping what it learned so a failure can still report it. */
    private final class AccountRun {
        private final AccountId account;
        private final ConnectorPool.Credential credential;
        private final boolean keepDays;
        private Deadline deadline;
        private AccountInfo info;
        private DateRange range;
        private Money total;
        /** The platform's connector; replaced once when its refresh token was rotated by another process. */
        private SpendConnector connector;

        AccountRun(AccountId account, OptionalLong connection, boolean keepDays) {
            this.account = account;
            this.credential = new ConnectorPool.Credential(account.platform(), connection);
            this.keepDays = keepDays;
        }

        AccountFetch run(AccountSink sink, boolean newestFirst) {
            // The deadline starts with the account's turn, not while it waits for a slot.
            deadline = Deadline.after(settings.accountDeadline());
            Optional<SpendConnector> found;
            try {
                found = connectors.connector(credential);
            } catch (IllegalArgumentException e) {
                return failed(new FetchError(ErrorKind.INVALID_REQUEST, "cannot set up "
                        + account.platform().displayName() + ": " + e.getMessage(), null, null));
            }
            if (found.isEmpty()) {
                return AccountFetch.notConfigured(account);
            }
            connector = found.get();
            ConnectorDescriptor descriptor = connector.descriptor();
            try {
                info = call("accountInfo", () -> connector.accountInfo(account));
                range = resolve(sink);
                Optional<String> unreachable = AccountPlan.outOfReach(range, info, descriptor, clock);
                if (unreachable.isPresent()) {
                    return failed(new FetchError(ErrorKind.INVALID_REQUEST, unreachable.get(), null, null));
                }
                List<SpendReport> chunks = new ArrayList<>();
                total = Money.zero(info.currency());
                for (DateRange chunk : AccountPlan.of(range, descriptor, newestFirst).chunks()) {
                    SpendReport part = call("dailySpend", () -> checked(connector.dailySpend(account, info, chunk), chunk));
                    sink.chunk(part);
                    total = total.plus(part.total(info.currency()));
                    if (keepDays) {
                        chunks.add(part);
                    }
                }
                connectionUsed();
                return AccountFetch.ok(account, range, info, keepDays ? joined(chunks) : null);
            } catch (RetryLayer.Failure f) {
                if (f.error() instanceof ConnectorException.Auth) {
                    connectionRefused();
                }
                FetchError error = FetchError.of(f.error());
                String tries = f.attempts() > 1 ? " (gave up after " + f.attempts() + " attempts)" : "";
                return failed(new FetchError(error.kind(), error.message() + tries, error.platformCode(),
                        error.requestId()));
            } catch (InvalidRange e) {
                return failed(new FetchError(ErrorKind.INVALID_REQUEST, e.getMessage(), null, null));
            }
        }

        /**
         * One logical call through the retry layer. Refused as {@code auth} by a connector whose refresh token
         * another process has since rotated (and stored), it is tried once more with a connector built on the
         * stored token.
         */
        private <T> T call(String what, Supplier<T> call) {
            try {
                return callOnce(what, call);
            } catch (RetryLayer.Failure f) {
                if (!(f.error() instanceof ConnectorException.Auth)) {
                    throw f;
                }
                Optional<SpendConnector> renewed = connectors.renewed(credential, connector);
                if (renewed.isEmpty()) {
                    throw f;
                }
                LOG.info("token renewed elsewhere platform={}: retrying with the stored one", account.platform().slug());
                connector = renewed.get();
                return callOnce(what, call);
            }
        }

        private <T> T callOnce(String what, Supplier<T> call) {
            String name = account.platform().slug() + "." + what;
            return retries.call(name, deadline, this::onFailure, () -> {
                try {
                    return call.get();
                } catch (ConnectorException e) {
                    throw e;
                } catch (DataAccessException e) {
                    throw e; // the shared rate budget's database: a storage failure, not the platform's
                } catch (RuntimeException e) {
                    // A connector defect must not take down the other accounts, nor pass as spend.
                    LOG.error("connector error platform={} call={}", account.platform().slug(), what, e);
                    // Only the type reaches stored runs and API answers: an arbitrary message may carry a URL.
                    throw new ConnectorException.BadResponse(Details.of(account.platform(), "unexpected error reading "
                            + account.platform().displayName() + ": " + e.getClass().getSimpleName()), e);
                }
            }).value();
        }

        private void onFailure(ConnectorException e) {
            Duration hint = retries.hint(e);
            Duration pause = hint != null ? hint : settings.initialBackoff();
            if (credential.connection().isPresent()) {
                budgets.throttled(credential.budgetKey(), e, pause);
            } else {
                budgets.throttled(e, pause);
            }
        }

        /** The account's connection worked: its last use is now. */
        private void connectionUsed() {
            credential.connection().ifPresent(id -> {
                try {
                    connections.markUsed(id);
                } catch (DataAccessException e) {
                    // The spend is fetched and stored by the sink; only the bookkeeping of the token's use is late.
                    LOG.warn("cannot record the use of connection {}: {}", id, e.getClass().getSimpleName());
                }
            });
        }

        /**
         * The platform refused the connection's tokens even after a refresh: revoked on its side or lapsed. The
         * connection is {@code expired} until the client authorizes again (the account fails as {@code auth}).
         */
        private void connectionRefused() {
            credential.connection().ifPresent(id -> {
                try {
                    connections.markExpired(id);
                    LOG.warn("connection {} refused by {}: marked expired", id, account.platform().slug());
                } catch (DataAccessException e) {
                    LOG.warn("cannot mark connection {} expired: {}", id, e.getClass().getSimpleName());
                }
            });
        }

        private DateRange resolve(AccountSink sink) {
            try {
                return Objects.requireNonNull(sink.info(info), "the range function returned null");
            } catch (RuntimeException e) {
                throw new InvalidRange("no range for " + account + ": " + e.getMessage());
            }
        }

        /**
         * A connector's report must answer for exactly the chunk, in the account's currency. Days it could not
         * vouch for are missing: logged, counted and never written.
         */
        private SpendReport checked(SpendReport part, DateRange chunk) {
            if (!part.range().equals(chunk)) {
                throw new ConnectorException.BadResponse(Details.of(account.platform(), account.platform().displayName()
                        + " connector returned the days of " + part.range() + " for the request of " + chunk));
            }
            part.days().stream().filter(d -> !d.spend().currency().equals(info.currency())).findFirst().ifPresent(d -> {
                throw new ConnectorException.BadResponse(Details.of(account.platform(), account.platform().displayName()
                        + " returned spend in " + d.spend().currency() + " for an account in " + info.currency()));
            });
            metrics.chunk(account.platform(), part);
            part.missing().forEach(gap -> LOG.info("days missing platform={} days={} reason={}",
                    account.platform().slug(), gap.days(), gap.reason()));
            return part;
        }

        private SpendReport joined(List<SpendReport> chunks) {
            List<DailySpend> days = chunks.stream().flatMap(c -> c.days().stream())
                    .sorted(Comparator.comparing(DailySpend::date)).toList();
            List<String> requestIds = chunks.stream().sorted(Comparator.comparing(c -> c.range().from()))
                    .flatMap(c -> c.requestIds().stream()).toList();
            List<SpendReport.Gap> missing = chunks.stream().flatMap(c -> c.missing().stream())
                    .sorted(Comparator.comparing(g -> g.days().from())).toList();
            int ignored = chunks.stream().mapToInt(SpendReport::ignoredRows).sum();
            return new SpendReport(range, days, requestIds, missing, ignored);
        }

        private AccountFetch failed(FetchError error) {
            return AccountFetch.failed(account, range, info, error);
        }
    }

    /** The sink gave no usable range. */
    private static final class InvalidRange extends RuntimeException {
        InvalidRange(String message) {
            super(message);
        }
    }

    /** How an engine is assembled; everything but the environment has a default. */
    public static final class Builder {
        private final Env env;
        private MeterRegistry meters;
        private FetchSettings settings;
        private StoredRefreshTokens storedTokens;
        private Clock clock = Clock.systemUTC();
        private ConnectorPool.Factory connectors;
        private Integer accountsInFlight;
        private BudgetStore budgetStore = BudgetStore.IN_MEMORY;
        private ConnectionStore connections;

        private Builder(Env env) {
            this.env = Objects.requireNonNull(env, "env");
        }

        /** Meters for fetch metrics; a registry of its own unless given. */
        public Builder meters(MeterRegistry meters) {
            this.meters = meters;
            return this;
        }

        /** Retry, deadline and rate settings; {@link FetchSettings#fromEnv} unless given. */
        public Builder settings(FetchSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Works with the ledger's database. Refresh tokens that platforms rotate are kept there: read over the
         * configured ones and written back on every rotation, both or neither. The rate budgets are kept there,
         * shared by every process that sends requests with the same credentials. Without a database a rotated
         * token is kept in memory and only logged, and the budgets are this process's own.
         */
        public Builder database(StoredRefreshTokens storedTokens, DataSource database) {
            this.storedTokens = storedTokens;
            this.budgetStore = new SharedBudgetStore(database);
            return this;
        }

        /**
         * How many accounts of one platform are fetched at the same time; {@code SYNCLEDGER_FETCH_ACCOUNTS_IN_FLIGHT}
         * or {@value AccountSlots#DEFAULT_PER_PLATFORM} unless given.
         */
        public Builder accountsInFlight(int perPlatform) {
            this.accountsInFlight = perPlatform;
            return this;
        }

        /**
         * The stored connections, so accounts linked with one are fetched with its tokens; without it such an account
         * is not configured.
         */
        public Builder connections(ConnectionStore connections) {
            this.connections = connections;
            return this;
        }

        /** Another clock (what "today" is), for tests. */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Other connectors than the platform factories', for tests. */
        Builder connectors(ConnectorPool.Factory connectors) {
            this.connectors = connectors;
            return this;
        }

        /** @throws IllegalArgumentException when the settings in the environment are unreadable */
        public FetchEngine build() {
            FetchSettings resolved = settings != null ? settings : FetchSettings.fromEnv(env);
            // Stored tokens are read over the configured ones and rotated ones are written back: both or neither.
            Connectors.RotationSink rotations = storedTokens != null ? storedTokens : Connectors.RotationSink.LOG_ONLY;
            Env credentials = storedTokens != null ? storedTokens.overlay(env) : env;
            int inFlight = accountsInFlight != null ? accountsInFlight
                    : env.get(AccountSlots.VARIABLE).map(v -> parseCount(AccountSlots.VARIABLE, v))
                            .orElse(AccountSlots.DEFAULT_PER_PLATFORM);
            return new FetchEngine(credentials, WireClient.withDefaults(),
                    meters != null ? meters : new SimpleMeterRegistry(), resolved, new AccountSlots(inFlight), clock,
                    connectors != null ? connectors : ConnectorPool.Factory.connectors(rotations), budgetStore,
                    connections);
        }

        private static int parseCount(String name, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
            }
        }
    }
}
