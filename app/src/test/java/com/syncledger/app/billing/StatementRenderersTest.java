package com.syncledger.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.billing.BillingItems.EntryItem;
import com.syncledger.app.billing.BillingItems.SpendItem;
import com.syncledger.app.ledger.LedgerEntry.Kind;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents of worked example A (docs/billing.md), with a floor, an adjustment line for an earlier
 * statement and a store name that is markup. The figures must appear exactly as the JSON document prints them.
 */
class StatementRenderersTest {

    static final String HOSTILE_NAME = "<script>alert(1)</script>&\"Bob's\" Store";
    private static final BillingPeriod MARCH = new BillingPeriod(YearMonth.of(2026, 3));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private long ids;

    private EntryItem entry(Kind kind, String date, String amount, Platform platform) {
        return new EntryItem(++ids, kind, LocalDate.parse(date), MinorUnits.toMicros(new BigDecimal(amount)), "EUR",
                platform);
    }

    private SpendItem spend(String day, String amount) {
        return new SpendItem(++ids, 1, Platform.GOOGLE, "1", LocalDate.parse(day),
                MinorUnits.toMicros(new BigDecimal(amount)), "EUR");
    }

    /** Example A with a monthly floor of 500.00 and a credit carried for statement 12 (February). */
    private Statement exampleA(List<Gap> gaps) {
        Terms terms = new Terms(1, 1, LocalDate.parse("2026-03-01"), DateRange.parse("2026-02-01", "2026-02-28"),
                new BigDecimal("0.20"), new BigDecimal("500.00"), null, "EUR", Instant.EPOCH, "cli");
        List<EntryItem> baselineEntries = List.of(entry(Kind.REVENUE, "2026-02-10", "500.00", Platform.GOOGLE),
                entry(Kind.REVENUE, "2026-02-11", "1500.00", null), entry(Kind.COGS, "2026-02-12", "700.00", null));
        List<SpendItem> baselineSpend = List.of(spend("2026-02-01", "100.00"), spend("2026-02-02", "200.00"));
        List<EntryItem> periodEntries = List.of(entry(Kind.REVENUE, "2026-03-05", "1000.00", Platform.GOOGLE),
                entry(Kind.REVENUE, "2026-03-06", "4000.00", null), entry(Kind.REFUND, "2026-03-07", "200.00", null),
                entry(Kind.SHIPPING, "2026-03-08", "100.00", null));
        List<SpendItem> periodSpend = List.of(spend("2026-03-01", "1000.000000"), spend("2026-03-02", "234.567891"));
        Statement.Adjustment credit = new Statement.Adjustment(12, new BillingPeriod(YearMonth.of(2026, 2)),
                new BigDecimal("-10.00"), new BigDecimal("-2.00"), "1 pinned account-day(s) restated since statement 12");
        return StatementCalculator.compute(new StatementCalculator.Inputs(7, HOSTILE_NAME, MARCH, terms,
                new FxTable(List.of()), new BillingData.Span(periodSpend, periodEntries, gaps),
                new BillingData.Span(baselineSpend, baselineEntries, List.of()), List.of(credit)));
    }

    private String issuedDocument() {
        Statement s = exampleA(List.of());
        Statement issued = new Statement(s.storeId(), s.storeName(), s.billingPeriod(), s.terms(), 13L,
                Instant.parse("2026-04-02T09:30:00Z"), "finance@example.com", s.gaps(), s.period(), s.baseline(),
                s.baselinePerDay(), s.baselineForPeriod(), s.uplift(), s.attribution(), s.roundingToUnattributed(),
                s.feeBeforeLimits(), s.fee(), s.feeNote(), s.adjustments(), s.amountDue(), s.pins());
        return StatementDocument.json(JSON, issued);
    }

    private String provisionalDocument() {
        Gap missing = new Gap(Gap.Kind.MISSING_FX_RATE, "period", null, null, LocalDate.parse("2026-03-09"),
                LocalDate.parse("2026-03-09"), "GBP", "no ECB rate <for> that day");
        return StatementDocument.json(JSON, exampleA(List.of(missing)));
    }

    @Test
    void theHtmlShowsEveryFigureAsPrintedAndEscapesTheStoreName() throws Exception {
        String html = StatementHtml.render(issuedDocument());

        assertThat(html).contains("Success-fee statement 13", "2026-03", "EUR", "Issued",
                "1234.57 EUR", "5000.00 EUR", "200.00 EUR", "100.00 EUR", "3465.43 EUR",
                "2026-02-01 to 2026-02-28, 28 days", "1000.00 EUR", "35.71 EUR", "1107.01 EUR", "2358.42 EUR",
                "-455.91 EUR", "2814.33 EUR", "0.20", "471.68 EUR", "500.00 EUR", "The monthly floor of 500.00 applies",
                "-10.00 EUR", "-2.00 EUR", "498.00 EUR", "2026-04-02T09:30:00Z by finance@example.com");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;Bob&#39;s&quot; Store")
                .doesNotContain("<script").doesNotContain("Bob's").doesNotContain("PROVISIONAL");
        assertThat(html).doesNotContain("src=", "href=", "url(", "@import", "javascript");
        // Well-formed XML, as the PDF layout needs.
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPreviewIsMarkedProvisionalAndListsItsGaps() {
        String html = StatementHtml.render(provisionalDocument());

        assertThat(html).contains("PROVISIONAL success-fee statement", "1 gap(s)", "missing fx rate", "GBP",
                "2026-03-09", "no ECB rate &lt;for&gt; that day", "not issued");
    }

    @Test
    void theRoundingTakenByTheUnattributedLineIsExplained() {
        String document = provisionalDocument().replace("\"roundingToUnattributed\" : \"0.00\"",
                "\"roundingToUnattributed\" : \"-0.01\"");

        assertThat(StatementHtml.render(document)).contains("took the rounding difference of -0.01 EUR");
        assertThat(StatementHtml.render(issuedDocument())).doesNotContain("rounding difference");
    }

    @Test
    void thePdfCarriesTheKeyFigures() throws Exception {
        byte[] pdf = StatementPdf.render(issuedDocument());

        String text = PdfText.of(pdf);
        assertThat(text).contains("Success-fee statement 13", "1234.57 EUR", "3465.43 EUR", "2358.42 EUR",
                "-455.91 EUR", "2814.33 EUR", "471.68 EUR", "498.00 EUR", "<script>alert(1)</script>");
    }

    @Test
    void theCsvHasOneLinePerFigureAndItsLinesAddUp() {
        String csv = StatementCsv.render(issuedDocument());
        CsvRows rows = CsvRows.parse(csv);

        assertThat(csv).startsWith("section,item,amount,currency\r\n").contains("\r\nad_spend,google,1234.57,EUR\r\n",
                "\r\nattribution,google,-455.91,EUR\r\n", "\r\nadjustment,statement 12 (2026-02) fee,-2.00,EUR\r\n",
                "\r\ntotal,amount_due,498.00,EUR\r\n");
        assertThat(rows.rows()).allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(rows.amount("total", "net_profit")).isEqualTo("3465.43");
        assertThat(rows.amount("baseline", "net_profit_for_period")).isEqualTo("1107.01");
        assertThat(rows.sum("costs", "")).isEqualByComparingTo(rows.amount("total", "costs"));
        assertThat(rows.sum("ad_spend", "")).isEqualByComparingTo(rows.amount("total", "ad_spend"));
        assertThat(rows.sum("attribution", "")).isEqualByComparingTo(rows.amount("total", "uplift"));
        assertThat(rows.sum("adjustment", " fee").add(new BigDecimal(rows.amount("total", "fee"))))
                .isEqualByComparingTo(rows.amount("total", "amount_due"));
        assertThat(new BigDecimal(rows.amount("period", "revenue"))
                .subtract(new BigDecimal(rows.amount("period", "refunds")))
                .subtract(new BigDecimal(rows.amount("total", "costs")))
                .subtract(new BigDecimal(rows.amount("total", "ad_spend")))
                .add(new BigDecimal(rows.amount("period", "entry_adjustments"))))
                .isEqualByComparingTo(rows.amount("total", "net_profit"));
    }

    @Test
    void aCsvFieldWithACommaOrAQuoteIsQuoted() {
        assertThat(StatementCsv.field("statement 12 (2026-02) fee")).isEqualTo("statement 12 (2026-02) fee");
        assertThat(StatementCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(StatementCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvRows.parse("x,\"a,\"\"b\"\"\"\r\n").rows()).containsExactly(List.of("x", "a,\"b\""));
    }
}
