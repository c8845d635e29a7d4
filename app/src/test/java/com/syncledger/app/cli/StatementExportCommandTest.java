package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.billing.BillingFixture;
import com.syncledger.app.billing.CsvRows;
import com.syncledger.app.billing.PdfText;
import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code statement export}: the issued statement by default, the provisional one with --preview. */
class StatementExportCommandTest {

    private static Sandbox sandbox;
    private static ConfigurableApplicationContext app;
    private static Env env;
    private static String store;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        app = TestApp.start(false, BillingFixture.settings(sandbox));
        env = app.getBean(Env.class);
        BillingFixture fixture = new BillingFixture(sandbox, app);
        fixture.ratesOfTheWorkedExample();
        long storeId = fixture.store().storeId();
        fixture.closeRevenue(storeId, "2026-04-30");
        store = Long.toString(storeId);
        assertThat(CliRun.of(env, "statement", "issue", "--store", store, "--period", "2026-04").exitCode()).isZero();
    }

    @AfterAll
    static void stop() {
        app.close();
        sandbox.close();
    }

    @Test
    void writesTheIssuedStatementAsCsvPdfAndHtml() throws Exception {
        Path csv = dir.resolve("april.csv");
        CliRun run = CliRun.of(env, "statement", "export", "--store", store, "--period", "2026-04", "--format", "csv",
                "--out", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("issued statement", csv.toString());
        CsvRows rows = CsvRows.parse(Files.readString(csv));
        assertThat(rows.amount("total", "fee")).isEqualTo("329.00");
        assertThat(rows.sum("attribution", "")).isEqualByComparingTo(rows.amount("total", "uplift"));

        Path pdf = dir.resolve("april.pdf");
        assertThat(CliRun.of(env, "statement", "export", "--store", store, "--period", "2026-04", "--format", "PDF",
                "--out", pdf.toString()).exitCode()).isZero();
        assertThat(PdfText.of(Files.readAllBytes(pdf))).contains("3895.00 USD", "329.00 USD");

        Path html = dir.resolve("april.html");
        assertThat(CliRun.of(env, "statement", "export", "--store", store, "--period", "2026-04", "--format", "html",
                "--out", html.toString()).exitCode()).isZero();
        assertThat(Files.readString(html)).contains("Success-fee statement", "3895.00 USD");
    }

    @Test
    void writesTheProvisionalStatementWithPreview() throws Exception {
        Path html = dir.resolve("may.html");
        CliRun run = CliRun.of(env, "statement", "export", "--store", store, "--period", "2026-05", "--format", "html",
                "--out", html.toString(), "--preview");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(html)).contains("PROVISIONAL", "open revenue");
    }

    @Test
    void aMissingIssuedStatementOrAnUnknownFormatIsExitTwoAndWritesNothing() {
        Path out = dir.resolve("none.pdf");
        CliRun missing = CliRun.of(env, "statement", "export", "--store", store, "--period", "2026-05", "--format",
                "pdf", "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("has no issued statement for 2026-05");

        CliRun unknown = CliRun.of(env, "statement", "export", "--store", store, "--period", "2026-04", "--format",
                "docx", "--out", out.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown format 'docx'; expected one of: html, pdf, csv");
        assertThat(out).doesNotExist();
    }
}
