package com.syncledger.app.views;

import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.Baseline;
import com.syncledger.app.ledger.LedgerEntry;
import com.syncledger.app.ledger.MonthlySpend;
import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.ledger.SyncRuns.SyncRun;
import com.syncledger.connectors.spi.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The JSON shapes of the HTTP API, which the CLI's {@code --json} prints too, so a script reads the same
 * document with or without a server. Money is always a decimal string beside its currency.
 */
public final class ApiModel {

    private ApiModel() {
    }

    public record MoneyView(String amount, String currency) {
        public static MoneyView of(Money money) {
            return money == null ? null : new MoneyView(money.toDecimalString(), money.currency());
        }
    }

    public record Page<T>(List<T> items, int offset, int limit) {
    }

    public record StoreRequest(String name, String timeZone, String billingCurrency) {
    }

    public record StoreView(long id, String name, String timeZone, String billingCurrency, Instant createdAt,
            Instant updatedAt) {
        public static StoreView of(Store s) {
            return new StoreView(s.id(), s.name(), s.timeZone(), s.billingCurrency(), s.createdAt(), s.updatedAt());
        }
    }

    /** @param connectionId the connection to fetch the account with; null for the environment's credentials */
    public record AccountRequest(String platform, String accountId, Long connectionId) {
        public AccountRequest(String platform, String accountId) {
            this(platform, accountId, null);
        }
    }

    /** @param connectionId the connection the account is fetched with; null for the environment's credentials */
    public record AccountView(long id, long storeId, String platform, String accountId, String currency, String timeZone,
            String name, Instant linkedAt, Long connectionId) {
        public static AccountView of(AdAccount a) {
            return new AccountView(a.id(), a.storeId(), a.platform().slug(), a.externalId(), a.currency(),
                    a.timeZone(), a.name(), a.linkedAt(), a.connectionId());
        }
    }

    @JsonSerialize(using = DayViewSerializer.class)
    public record DayView(LocalDate date, String spend, Instant fetchedAt) {
    }

    public record AccountSpendView(long accountId, String platform, String externalId, String currency, String timeZone,
            String status, List<LocalDate> missingDays, Instant lastFetchedAt, String lastSyncError, MoneyView total,
            List<DayView> days) {
        public static AccountSpendView of(StoreSpend.AccountSpend a) {
            return new AccountSpendView(a.accountId(), a.platform().slug(), a.externalId(), a.currency(), a.timeZone(),
                    a.status().slug(), a.missingDays(), a.lastFetchedAt(), a.lastSyncError(), MoneyView.of(a.total()),
                    a.days().stream().map(d -> new DayView(d.date(),
                            d.spend() == null ? null : d.spend().toDecimalString(), d.fetchedAt())).toList());
        }
    }

    public record PlatformTotalView(String platform, MoneyView spend) {
    }

    public record SpendView(long storeId, LocalDate from, LocalDate to, boolean complete, List<AccountSpendView> accounts,
            List<PlatformTotalView> platforms, List<MoneyView> totals) {
        public static SpendView of(StoreSpend s) {
            return new SpendView(s.storeId(), s.range().from(), s.range().to(), s.complete(),
                    s.accounts().stream().map(AccountSpendView::of).toList(),
                    s.platforms().stream().map(p -> new PlatformTotalView(p.platform().slug(), MoneyView.of(p.spend())))
                            .toList(),
                    s.totals().stream().map(MoneyView::of).toList());
        }
    }

    public record PlatformMonthView(String platform, MoneyView spend, int days, Instant lastFetchedAt) {
    }

    public record MonthView(String month, List<PlatformMonthView> platforms) {
    }

    /** The monthly summary: every month of the range, with a row per platform and currency that has days. */
    public record SpendSummaryView(long storeId, String from, String to, List<MonthView> months) {
        public static SpendSummaryView of(MonthlySpend s) {
            return new SpendSummaryView(s.storeId(), s.from().toString(), s.to().toString(), s.months().stream()
                    .map(m -> new MonthView(m.month().toString(), m.platforms().stream()
                            .map(p -> new PlatformMonthView(p.platform().slug(), MoneyView.of(p.spend()), p.days(),
                                    p.lastFetchedAt()))
                            .toList()))
                    .toList());
        }
    }

    public record BaselineRequest(String from, String to, Boolean provisional) {
    }

    public record BaselineAmountsView(String currency, Map<String, String> platforms, String total) {
    }

    public record BaselineView(long id, long storeId, LocalDate from, LocalDate to, boolean provisional, List<String> gaps,
            Instant createdAt, List<BaselineAmountsView> amounts, int spendVersions) {
        public static BaselineView of(Baseline b) {
            return new BaselineView(b.id(), b.storeId(), b.range().from(), b.range().to(), b.provisional(), b.gaps(),
                    b.createdAt(), b.amounts().stream().map(a -> {
                        Map<String, String> platforms = new LinkedHashMap<>();
                        a.platforms().forEach((p, m) -> platforms.put(p.slug(), m.toDecimalString()));
                        return new BaselineAmountsView(a.currency(), platforms, a.total().toDecimalString());
                    }).toList(), b.spendVersions());
        }
    }

    public record LedgerEntryRequest(String externalId, String kind, String date, String amount, String currency,
            String platform, String platformCampaignId, String description) {
    }

    public record LedgerEntryView(long id, long storeId, String externalId, String kind, LocalDate date, MoneyView amount,
            String platform, String platformCampaignId, String description, Instant createdAt) {
        public static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.id(), e.storeId(), e.externalId(), e.kind().slug(), e.date(),
                    MoneyView.of(e.amount()), e.platform() == null ? null : e.platform().slug(),
                    e.platformCampaignId(), e.description(), e.createdAt());
        }
    }

    public record SyncRunView(long id, long accountId, LocalDate from, LocalDate to, String status, Instant startedAt,
            Instant finishedAt, int daysNew, int daysRestated, int daysUnchanged, String errorKind, String errorMessage,
            String platformCode, String requestId, String instance, String task) {
        public static SyncRunView of(SyncRun r) {
            return new SyncRunView(r.id(), r.adAccountId(), r.rangeFrom(), r.rangeTo(), r.status(), r.startedAt(),
                    r.finishedAt(), r.daysNew(), r.daysRestated(), r.daysUnchanged(), r.errorKind(), r.errorMessage(),
                    r.platformCode(), r.requestId(), r.instance(), r.taskInstance());
        }
    }
}
