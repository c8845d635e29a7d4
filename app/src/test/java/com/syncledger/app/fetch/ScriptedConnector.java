package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.spi.SpendReport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-memory connector for engine tests: every account spends a deterministic amount per day (the day of
 * month in whole units), and failures are scripted per call in order.
 */
final class ScriptedConnector implements SpendConnector {

    private final ConnectorDescriptor descriptor;
    private final Function<AccountId, AccountInfo> infos;
    private final Deque<RuntimeException> infoFailures = new ArrayDeque<>();
    private final Deque<RuntimeException> spendFailures = new ArrayDeque<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile Runnable beforeInfo = () -> { };
    volatile Function<DateRange, DateRange> answeredRange = Function.identity();

    ScriptedConnector(Platform platform, int maxDaysPerRequest, int retentionDays, Function<AccountId, AccountInfo> infos) {
        this.descriptor = new ConnectorDescriptor(platform, "test", maxDaysPerRequest, retentionDays, 3,
                RateLimit.perSecond(1000));
        this.infos = infos;
    }

    static ScriptedConnector usd(Platform platform, int maxDaysPerRequest) {
        return new ScriptedConnector(platform, maxDaysPerRequest, 365,
                a -> new AccountInfo("USD", ZoneId.of("America/New_York"), "Test " + a.value()));
    }

    /** One whole unit per day of month: 2026-01-07 spends 7.00. */
    static Money spendOn(LocalDate day, String currency) {
        return Money.ofMicros(day.getDayOfMonth() * 1_000_000L, currency);
    }

    ScriptedConnector failInfo(RuntimeException... failures) {
        synchronized (this) {
            infoFailures.addAll(List.of(failures));
        }
        return this;
    }

    ScriptedConnector failSpend(RuntimeException... failures) {
        synchronized (this) {
            spendFailures.addAll(List.of(failures));
        }
        return this;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        calls.add("info " + account.value());
        beforeInfo.run();
        RuntimeException failure;
        synchronized (this) {
            failure = infoFailures.poll();
        }
        if (failure != null) {
            throw failure;
        }
        return infos.apply(account);
    }

    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        calls.add("spend " + account.value() + " " + range);
        RuntimeException failure;
        synchronized (this) {
            failure = spendFailures.poll();
        }
        if (failure != null) {
            throw failure;
        }
        DateRange answered = answeredRange.apply(range);
        List<DailySpend> days = answered.dates().map(d -> new DailySpend(d, spendOn(d, info.currency()))).toList();
        return new SpendReport(answered, days, List.of("req-" + range.from()));
    }

    static ConnectorException transientError(Platform platform) {
        return new ConnectorException.Transient(new Details(platform, 503, "unavailable", "req-503", "try later"));
    }

    static ConnectorException throttled(Platform platform, Duration hint) {
        return new ConnectorException.RateLimited(new Details(platform, 429, "throttled", "req-429", "slow down"), hint);
    }

    static ConnectorException auth(Platform platform) {
        return new ConnectorException.Auth(new Details(platform, 401, "190", "req-401", "token revoked"));
    }
}
