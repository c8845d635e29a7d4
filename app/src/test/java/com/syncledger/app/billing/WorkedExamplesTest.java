package com.syncledger.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.billing.BillingItems.EntryItem;
import com.syncledger.app.billing.BillingItems.SpendItem;
import com.syncledger.app.ledger.LedgerEntry.Kind;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two statements of the billing guide, worked by hand, reproduced to the cent. */
class WorkedExamplesTest {

    private static final DateRange FEBRUARY = DateRange.parse("2026-02-01", "2026-02-28");
    private static final BillingPeriod MARCH = new BillingPeriod(YearMonth.of(2026, 3));
    private final List<SpendItem> spend = new ArrayList<>();
    private long ids;

    private static Terms terms(String currency, String floor, String cap) {
        return new Terms(1, 1, LocalDate.parse("2026-03-01"), FEBRUARY, new BigDecimal("0.20"),
                floor == null ? null : new BigDecimal(floor), cap == null ? null : new BigDecimal(cap), currency,
                Instant.EPOCH, "cli");
    }

    private EntryItem entry(Kind kind, String date, String amount, String currency, Platform platform) {
        return new EntryItem(++ids, kind, LocalDate.parse(date), MinorUnits.toMicros(new BigDecimal(amount)), currency,
                platform);
    }

    private SpendItem spend(Platform platform, String day, String amount, String currency) {
        return new SpendItem(++ids, 1, platform, "1", LocalDate.parse(day), MinorUnits.toMicros(new BigDecimal(amount)),
                currency);
    }

    private Statement exampleA(Terms terms) {
        List<EntryItem> baselineEntries = List.of(
                entry(Kind.REVENUE, "2026-02-10", "500.00", "EUR", Platform.GOOGLE),
                entry(Kind.REVENUE, "2026-02-11", "1500.00", "EUR", null),
                entry(Kind.COGS, "2026-02-12", "700.00", "EUR", null));
        List<SpendItem> baselineSpend = List.of(spend(Platform.GOOGLE, "2026-02-01", "100.00", "EUR"),
                spend(Platform.GOOGLE, "2026-02-02", "200.00", "EUR"));
        List<EntryItem> periodEntries = List.of(
                entry(Kind.REVENUE, "2026-03-05", "1000.00", "EUR", Platform.GOOGLE),
                entry(Kind.REVENUE, "2026-03-06", "4000.00", "EUR", null),
                entry(Kind.REFUND, "2026-03-07", "200.00", "EUR", null),
                entry(Kind.SHIPPING, "2026-03-08", "100.00", "EUR", null));
        List<SpendItem> periodSpend = List.of(spend(Platform.GOOGLE, "2026-03-01", "1000.000000", "EUR"),
                spend(Platform.GOOGLE, "2026-03-02", "234.567891", "EUR"));
        return StatementCalculator.compute(new StatementCalculator.Inputs(1, "Store A", MARCH, terms,
                new FxTable(List.of()), new BillingData.Span(periodSpend, periodEntries, List.of()),
                new BillingData.Span(baselineSpend, baselineEntries, List.of()), List.of()));
    }

    @Test
    void exampleAToTheCent() {
        Statement s = exampleA(terms("EUR", null, null));

        assertThat(s.baseline().netProfit()).isEqualByComparingTo("1000.00");
        assertThat(s.baselinePerDay()).hasToString("35.71");
        assertThat(s.period().spend().get(Platform.GOOGLE)).hasToString("1234.57");
        assertThat(s.period().revenue()).hasToString("5000.00");
        assertThat(s.period().refunds()).hasToString("200.00");
        assertThat(s.period().costs()).hasToString("100.00");
        assertThat(s.period().netProfit()).hasToString("3465.43");
        assertThat(s.baselineForPeriod()).hasToString("1107.01");
        assertThat(s.uplift()).hasToString("2358.42");
        assertThat(s.feeBeforeLimits()).hasToString("471.68");
        assertThat(s.fee()).hasToString("471.68");
        assertThat(s.amountDue()).hasToString("471.68");
        assertThat(s.settled()).isTrue();

        Statement.PlatformUplift google = s.attribution().get(0);
        Statement.PlatformUplift unattributed = s.attribution().get(1);
        assertThat(google.platform()).isEqualTo(Platform.GOOGLE);
        assertThat(google.periodContribution()).hasToString("-234.57");
        assertThat(google.baselinePerDay()).hasToString("7.14");
        assertThat(google.baselineForPeriod()).hasToString("221.34");
        assertThat(google.uplift()).hasToString("-455.91");
        assertThat(unattributed.platform()).isNull();
        assertThat(unattributed.periodContribution()).hasToString("3700.00");
        assertThat(unattributed.baselinePerDay()).hasToString("28.57");
        assertThat(unattributed.baselineForPeriod()).hasToString("885.67");
        assertThat(unattributed.uplift()).hasToString("2814.33");
        assertThat(s.roundingToUnattributed()).isZero();
    }

    @Test
    void floorAndCapApplyAfterTheRate() {
        Statement floored = exampleA(terms("EUR", "500.00", null));
        assertThat(floored.feeBeforeLimits()).hasToString("471.68");
        assertThat(floored.fee()).hasToString("500.00");
        assertThat(floored.feeNote()).contains("floor");

        Statement capped = exampleA(terms("EUR", null, "400.00"));
        assertThat(capped.fee()).hasToString("400.00");
        assertThat(capped.feeNote()).contains("cap");
    }

    @Test
    void noUpliftNoFeeEvenWithAFloor() {
        Terms terms = terms("EUR", "500.00", null);
        // Net profit 657.01 against a baseline of 1107.01 for the period: an uplift of −450.00.
        Statement s = StatementCalculator.compute(new StatementCalculator.Inputs(1, "Store A", MARCH, terms,
                new FxTable(List.of()),
                new BillingData.Span(List.of(), List.of(entry(Kind.REVENUE, "2026-03-02", "657.01", "EUR", null)),
                        List.of()),
                new BillingData.Span(List.of(), List.of(entry(Kind.REVENUE, "2026-02-02", "1000.00", "EUR", null)),
                        List.of()),
                List.of()));
        assertThat(s.uplift()).hasToString("-450.00");
        assertThat(s.fee()).hasToString("0.00");
        assertThat(s.feeNote()).startsWith("no uplift, no fee");
    }

    private static FxTable ecbApril() {
        List<FxRate> rates = new ArrayList<>();
        LocalDate apr7 = LocalDate.parse("2026-04-07");
        LocalDate apr8 = LocalDate.parse("2026-04-08");
        rates.add(new FxRate(apr7, "EUR", "USD", new BigDecimal("1.0825"), "ecb"));
        rates.add(new FxRate(apr7, "EUR", "GBP", new BigDecimal("0.85"), "ecb"));
        rates.add(new FxRate(apr7, "EUR", "JPY", new BigDecimal("160.00"), "ecb"));
        rates.add(new FxRate(apr8, "EUR", "USD", new BigDecimal("1.1000"), "ecb"));
        rates.add(new FxRate(apr8, "EUR", "JPY", new BigDecimal("160.50"), "ecb"));
        return new FxTable(rates);
    }

    @Test
    void exampleBConvertsWithTheDaysRatesAndNamesTheMissingOne() {
        List<EntryItem> entries = List.of(entry(Kind.REVENUE, "2026-04-07", "100.01", "USD", null),
                entry(Kind.REVENUE, "2026-04-07", "30.00", "EUR", null));
        List<SpendItem> items = List.of(spend(Platform.MICROSOFT, "2026-04-07", "100.00", "GBP"),
                spend(Platform.META, "2026-04-07", "1000", "JPY"),
                spend(Platform.MICROSOFT, "2026-04-08", "50.00", "GBP"));
        ProfitFigures figures = ProfitFigures.of(items, entries, ecbApril(), "USD");

        assertThat(figures.revenue()).hasToString("132.48");
        assertThat(figures.spend().get(Platform.MICROSOFT)).hasToString("127.35");
        assertThat(figures.spend().get(Platform.META)).hasToString("6.77");
        assertThat(figures.missingRates()).containsExactly(
                new ProfitFigures.MissingRate(LocalDate.parse("2026-04-08"), "GBP"));
    }

    @Test
    void aJpyStoreRoundsToWholeYen() {
        ProfitFigures eur = ProfitFigures.of(List.of(),
                List.of(entry(Kind.REVENUE, "2026-04-08", "1.00", "EUR", null)), ecbApril(), "JPY");
        ProfitFigures usd = ProfitFigures.of(List.of(),
                List.of(entry(Kind.REVENUE, "2026-04-08", "10.00", "USD", null)), ecbApril(), "JPY");
        assertThat(eur.revenue()).hasToString("160");
        assertThat(usd.revenue()).hasToString("1459");
    }

    @Test
    void aDayWithoutPublicationTakesTheLatestEarlierRatesButNeverAMissingOne() {
        FxTable fx = ecbApril();
        // 2026-04-11 is a Saturday: the rates of Wednesday 04-08 are three days back and apply.
        assertThat(fx.conversion(LocalDate.parse("2026-04-11"), "USD", "EUR")).isPresent();
        assertThat(fx.conversion(LocalDate.parse("2026-04-11"), "GBP", "EUR")).isEmpty();
        // Five days after the last publication nothing applies.
        assertThat(fx.conversion(LocalDate.parse("2026-04-13"), "USD", "EUR")).isEmpty();
    }
}
