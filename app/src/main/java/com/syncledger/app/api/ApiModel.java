package com.syncledger.app.api;

import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.Baseline;
import com.syncledger.app.ledger.LedgerEntry;
import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.ledger.SyncRuns.SyncRun;
import com.syncledger.connectors.spi.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the HTTP API. Money is always a decimal string beside its currency. */
final class ApiModel {

    private ApiModel() {
    }

    record MoneyView(String amount, String currency) {
        static MoneyView of(Money money) {
            return money == null ? null : new MoneyView(money.toDecimalString(), money.currency());
        }
    }

    record Page<T>(List<T> items, int offset, int limit) {
    }

    record StoreRequest(String name, String timeZone, String billingCurrency) {
    }

    record StoreView(long id, String name, String timeZone, String billingCurrency, Instant createdAt,
            Instant updatedAt) {
        static StoreView of(Store s) {
            return new StoreView(s.id(), s.name(), s.timeZone(), s.billingCurrency(), s.createdAt(), s.updatedAt());
        }
    }

    record AccountRequest(String platform, String accountId) {
    }

    record AccountView(long id, long storeId, String platform, String accountId, String currency, String timeZone,
            String name, Instant linkedAt) {
        static AccountView of(AdAccount a) {
            return new AccountView(a.id(), a.storeId(), a.platform().slug(), a.externalId(), a.currency(),
                    a.timeZone(), a.name(), a.linkedAt());
        }
    }

    record DayView(LocalDate date, String spend, Instant fetchedAt) {
    }

    record AccountSpendView(long accountId, String platform, String externalId, String currency, String timeZone,
            String status, List<LocalDate> missingDays, Instant lastFetchedAt, String lastSyncError, MoneyView total,
            List<DayView> days) {
        static AccountSpendView of(StoreSpend.AccountSpend a) {
            return new AccountSpendView(a.accountId(), a.platform().slug(), a.externalId(), a.currency(), a.timeZone(),
                    a.status().slug(), a.missingDays(), a.lastFetchedAt(), a.lastSyncError(), MoneyView.of(a.total()),
                    a.days().stream().map(d -> new DayView(d.date(),
                            d.spend() == null ? null : d.spend().toDecimalString(), d.fetchedAt())).toList());
        }
    }

    record PlatformTotalView(String platform, MoneyView spend) {
    }

    record SpendView(long storeId, LocalDate from, LocalDate to, boolean complete, List<AccountSpendView> accounts,
            List<PlatformTotalView> platforms, List<MoneyView> totals) {
        static SpendView of(StoreSpend s) {
            return new SpendView(s.storeId(), s.range().from(), s.range().to(), s.complete(),
                    s.accounts().stream().map(AccountSpendView::of).toList(),
                    s.platforms().stream().map(p -> new PlatformTotalView(p.platform().slug(), MoneyView.of(p.spend())))
                            .toList(),
                    s.totals().stream().map(MoneyView::of).toList());
        }
    }

    record BaselineRequest(String from, String to, Boolean provisional) {
    }

    record BaselineAmountsView(String currency, Map<String, String> platforms, String total) {
    }

    record BaselineView(long id, long storeId, LocalDate from, LocalDate to, boolean provisional, List<String> gaps,
            Instant createdAt, List<BaselineAmountsView> amounts, int spendVersions) {
        static BaselineView of(Baseline b) {
            return new BaselineView(b.id(), b.storeId(), b.range().from(), b.range().to(), b.provisional(), b.gaps(),
                    b.createdAt(), b.amounts().stream().map(a -> {
                        Map<String, String> platforms = new LinkedHashMap<>();
                        a.platforms().forEach((p, m) -> platforms.put(p.slug(), m.toDecimalString()));
                        return new BaselineAmountsView(a.currency(), platforms, a.total().toDecimalString());
                    }).toList(), b.spendVersions());
        }
    }

    record LedgerEntryRequest(String externalId, String kind, String date, String amount, String currency,
            String platform, String platformCampaignId, String description) {
    }

    record LedgerEntryView(long id, long storeId, String externalId, String kind, LocalDate date, MoneyView amount,
            String platform, String platformCampaignId, String description, Instant createdAt) {
        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.id(), e.storeId(), e.externalId(), e.kind().slug(), e.date(),
                    MoneyView.of(e.amount()), e.platform() == null ? null : e.platform().slug(),
                    e.platformCampaignId(), e.description(), e.createdAt());
        }
    }

    record SyncRunView(long id, long accountId, LocalDate from, LocalDate to, String status, Instant startedAt,
            Instant finishedAt, int daysNew, int daysRestated, int daysUnchanged, String errorKind, String errorMessage,
            String platformCode, String requestId) {
        static SyncRunView of(SyncRun r) {
            return new SyncRunView(r.id(), r.adAccountId(), r.rangeFrom(), r.rangeTo(), r.status(), r.startedAt(),
                    r.finishedAt(), r.daysNew(), r.daysRestated(), r.daysUnchanged(), r.errorKind(), r.errorMessage(),
                    r.platformCode(), r.requestId());
        }
    }
}
