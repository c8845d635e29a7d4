package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.billing.BillingFixture;
import com.syncledger.app.billing.BillingPeriod;
import com.syncledger.app.billing.CsvRows;
import com.syncledger.app.billing.PdfText;
import com.syncledger.app.billing.Statements;
import com.syncledger.app.database.TestApp;
import com.syncledger.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A statement's documents over HTTP with a read key: issued ones as issued, previews marked provisional. */
class StatementDocumentsApiTest {

    private static final String STORE_NAME = "<script>&\"";
    private static Sandbox sandbox;
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static String statements;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        app = TestApp.start(true, BillingFixture.settings(sandbox));
        http = new Http(TestApp.baseUrl(app), TestApp.READ_KEY.key());
        BillingFixture fixture = new BillingFixture(sandbox, app);
        fixture.ratesOfTheWorkedExample();
        long storeId = fixture.store(STORE_NAME).storeId();
        fixture.closeRevenue(storeId, "2026-04-30");
        app.getBean(Statements.class).issue(storeId, new BillingPeriod(YearMonth.of(2026, 4)), "test");
        statements = "/stores/" + storeId + "/statements/";
    }

    @AfterAll
    static void stop() {
        app.close();
        sandbox.close();
    }

    @Test
    void theIssuedStatementAsAPageShowsItsFiguresAndEscapesTheStoreName() {
        Http.Reply page = http.get(statements + "2026-04/document.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html").contains("UTF-8");
        assertThat(page.header("Content-Disposition")).startsWith("inline").contains("2026-04.html");
        assertThat(page.body()).contains("Success-fee statement", "3895.00 USD", "1645.00 USD", "4993.23 USD",
                "-3320.88 USD", "took the rounding difference of -0.01 USD", "329.00 USD", "&lt;script&gt;&amp;&quot;")
                .doesNotContain("<script", "PROVISIONAL");
    }

    @Test
    void theIssuedStatementAsAPdf() throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestApp.baseUrl(app) + statements + "2026-04/document.pdf"))
                .header("Authorization", "Bearer " + TestApp.READ_KEY.key()).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        assertThat(PdfText.of(pdf.body())).contains("3895.00 USD", "1645.00 USD", "329.00 USD", STORE_NAME);
    }

    @Test
    void theIssuedStatementAsCsvIsAnAttachmentWhoseLinesAddUp() {
        Http.Reply csv = http.get(statements + "2026-04/export.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment")
                .contains("filename=\"statement-" + statements.split("/")[2] + "-2026-04.csv\"");
        CsvRows rows = CsvRows.parse(csv.body());
        assertThat(rows.rows().getFirst()).containsExactly("section", "item", "amount", "currency");
        assertThat(rows.amount("total", "net_profit")).isEqualTo("3895.00");
        assertThat(rows.sum("ad_spend", "")).isEqualByComparingTo(rows.amount("total", "ad_spend"));
        assertThat(rows.sum("attribution", "")).isEqualByComparingTo(rows.amount("total", "uplift"));
        assertThat(rows.amount("total", "amount_due")).isEqualTo("329.00");
    }

    @Test
    void aPreviewIsMarkedProvisionalWithItsGaps() {
        Http.Reply page = http.get(statements + "2026-05/preview/document.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("PROVISIONAL", "open revenue");

        assertThat(http.get(statements + "2026-05/preview/export.csv").header("Content-Disposition"))
                .contains("2026-05-preview.csv");
        assertThat(http.get(statements + "2026-05/preview/document.pdf").contentType()).isEqualTo("application/pdf");
    }

    @Test
    void aPeriodWithoutAnIssuedStatementIsNotFound() {
        for (String document : new String[] {"document.html", "document.pdf", "export.csv"}) {
            Http.Reply missing = http.get(statements + "2026-05/" + document);
            assertThat(missing.status()).as(document).isEqualTo(404);
            assertThat(missing.contentType()).as(document).startsWith("application/problem+json");
            assertThat(missing.body()).as(document).contains("has no issued statement for 2026-05");
        }
        assertThat(http.get(statements + "2026-13/document.html").status()).isEqualTo(400);
    }
}
