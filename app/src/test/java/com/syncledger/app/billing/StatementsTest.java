package com.syncledger.app.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements from spend synced from the sandbox platforms into a real PostgreSQL, against figures worked
 * by hand (docs/billing.md, "A month with three platforms and three currencies").
 */
class StatementsTest {

    private static final BillingPeriod APRIL = new BillingPeriod(YearMonth.of(2026, 4));
    private static final BillingPeriod MAY = new BillingPeriod(YearMonth.of(2026, 5));

    private static Sandbox sandbox;
    private static ConfigurableApplicationContext app;
    private static Statements statements;
    private static JdbcClient jdbc;
    private static BillingFixture fixture;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        Env env = TestDatabase.fresh().env(BillingFixture.settings(sandbox));
        app = new SpringApplicationBuilder(SyncLedgerApplication.class).web(WebApplicationType.NONE)
                .properties("syncledger.sync.schedule.enabled=false")
                .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run();
        statements = app.getBean(Statements.class);
        jdbc = app.getBean(JdbcClient.class);
        fixture = new BillingFixture(sandbox, app);
        fixture.ratesOfTheWorkedExample();
    }

    @AfterAll
    static void stop() {
        app.close();
        sandbox.close();
    }

    private static double metaUplift() {
        var gauge = app.getBean(MeterRegistry.class).find("kiki.net.profit.uplift")
                .tags("platform", "meta", "currency", "USD").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private static int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    @Test
    void aMonthWithThreePlatformsAndThreeCurrenciesGivesTheHandComputedFigures() {
        BillingFixture.Store f = fixture.store();
        fixture.closeRevenue(f.storeId(), "2026-04-30");

        double metaBefore = metaUplift();
        Statement s = statements.preview(f.storeId(), APRIL);

        assertThat(s.gaps()).isEmpty();
        assertThat(s.period().revenue()).hasToString("5132.48");
        assertThat(s.period().refunds()).hasToString("40.00");
        assertThat(s.period().costs()).hasToString("1013.36");
        assertThat(s.period().spend()).containsEntry(Platform.META, new BigDecimal("6.77"))
                .containsEntry(Platform.GOOGLE, new BigDecimal("50.00"))
                .containsEntry(Platform.MICROSOFT, new BigDecimal("127.35"));
        assertThat(s.period().spendTotal()).hasToString("184.12");
        assertThat(s.period().netProfit()).hasToString("3895.00");
        assertThat(s.baseline().netProfit()).hasToString("2325.01");
        assertThat(s.baselinePerDay()).hasToString("75.00");
        assertThat(s.baselineForPeriod()).hasToString("2250.00");
        assertThat(s.uplift()).hasToString("1645.00");
        assertThat(s.fee()).hasToString("329.00");
        assertThat(s.attribution()).extracting(a -> a.platform() == null ? "unattributed" : a.platform().slug(),
                        a -> a.uplift().toPlainString())
                .containsExactly(tuple("meta", "4993.23"),
                        tuple("google", "100.00"),
                        tuple("microsoft", "-127.35"),
                        tuple("unattributed", "-3320.88"));
        assertThat(s.roundingToUnattributed()).hasToString("-0.01");
        assertThat(metaUplift() - metaBefore).as("the store's preview reaches kiki_net_profit_uplift")
                .isCloseTo(4993.23, Offset.offset(1e-9));

        String json = statements.json(s);
        assertThat(json).contains("\"status\" : \"provisional\"", "\"netProfit\" : \"3895.00\"",
                "\"fee\" : \"329.00\"", "\"feeRate\" : \"0.20\"");
    }

    @Test
    void anIssueIsRefusedWithEveryGapAndWritesNothing() {
        BillingFixture.Store f = fixture.store();
        int statementsBefore = count("billing_statement");
        int auditBefore = count("billing_audit");

        assertThatThrownBy(() -> statements.issue(f.storeId(), APRIL, "cli"))
                .isInstanceOf(StatementRefusedException.class)
                .satisfies(e -> assertThat(((StatementRefusedException) e).statement().gaps())
                        .extracting(Gap::kind).contains(Gap.Kind.OPEN_REVENUE));
        assertThat(count("billing_statement")).isEqualTo(statementsBefore);
        assertThat(count("billing_audit")).isEqualTo(auditBefore);

        // An account linked but never synced: its days are missing, never zero.
        app.getBean(AdAccounts.class).link(f.storeId(), AccountId.of(Platform.TIKTOK, "7000000000000000001")).id();
        fixture.closeRevenue(f.storeId(), "2026-04-30");
        StatementRefusedException refused = assertThrows(
                StatementRefusedException.class, () -> statements.issue(f.storeId(), APRIL, "cli"));
        assertThat(refused.statement().gaps()).extracting(Gap::kind, Gap::platform, Gap::from, Gap::to)
                .contains(tuple(Gap.Kind.MISSING_DAYS, Platform.TIKTOK,
                        LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30")));
        assertThat(count("billing_statement")).isEqualTo(statementsBefore);
    }

    @Test
    void aMissingRateIsAGapNeverAGuess() {
        BillingFixture.Store f = fixture.store();
        fixture.closeRevenue(f.storeId(), "2026-05-31");
        // 2026-05-12 has rates, but none for GBP: the Microsoft spend of that day cannot be converted.
        fixture.rate("2026-05-12", "USD", "1.1000");
        f.microsoft().spend(LocalDate.parse("2026-05-12"), "c1", "50.00");
        fixture.sync(f.storeId(), "2026-05-01", "2026-05-31");

        Statement may = statements.preview(f.storeId(), MAY);

        assertThat(may.gaps()).extracting(Gap::kind, Gap::from, Gap::currency)
                .containsExactly(tuple(Gap.Kind.MISSING_FX_RATE,
                        LocalDate.parse("2026-05-12"), "GBP"));
        assertThatThrownBy(() -> statements.issue(f.storeId(), MAY, "cli")).isInstanceOf(StatementRefusedException.class);
    }

    @Test
    void daysInsideTheRestatementWindowAreUnsettled() {
        BillingFixture.Store f = fixture.store();
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        BillingPeriod lastMonth = new BillingPeriod(YearMonth.from(today.minusMonths(1)));
        fixture.sync(f.storeId(), lastMonth.first().toString(), lastMonth.last().toString());
        fixture.closeRevenue(f.storeId(), lastMonth.last().toString());

        Statement s = statements.preview(f.storeId(), lastMonth);

        // Google revises 30 days: every day of last month fetched today is still inside its window.
        assertThat(s.gaps()).filteredOn(g -> g.kind() == Gap.Kind.UNSETTLED_DAYS && g.platform() == Platform.GOOGLE)
                .isNotEmpty();
        assertThat(s.settled()).isFalse();
    }

    @Test
    void aRestatedDayAfterIssueLeavesTheStatementUnchangedAndTheNextCarriesTheDifference() {
        BillingFixture.Store f = fixture.store();
        fixture.closeRevenue(f.storeId(), "2026-05-31");
        Statements.Issued april = statements.issue(f.storeId(), APRIL, "cli");
        assertThat(april.created()).isTrue();
        String issuedDocument = statements.show(f.storeId(), APRIL).document();
        assertThat(issuedDocument).contains("\"status\" : \"issued\"", "\"fee\" : \"329.00\"");
        assertThat(statements.issue(f.storeId(), APRIL, "someone else").statement().document())
                .as("issuing twice gives the same statement").isEqualTo(issuedDocument);

        f.google().spend(LocalDate.parse("2026-04-10"), "c1", "60.00");
        fixture.sync(f.storeId(), "2026-04-01", "2026-05-31");

        assertThat(statements.show(f.storeId(), APRIL).document()).isEqualTo(issuedDocument);
        StatementDiff diff = statements.diff(f.storeId(), APRIL);
        assertThat(diff.days()).singleElement().satisfies(d -> {
            assertThat(d.day()).isEqualTo(LocalDate.parse("2026-04-10"));
            assertThat(d.pinned()).isEqualTo("50.00");
            assertThat(d.current()).isEqualTo("60.00");
        });

        Statements.Issued may = statements.issue(f.storeId(), MAY, "cli");
        Statement.Adjustment carried = statements.preview(f.storeId(), MAY).adjustments().stream().findFirst()
                .orElse(null);
        assertThat(carried).as("carried once, by May; not again by a later preview").isNull();
        assertThat(may.statement().document()).contains("\"netProfitDifference\" : \"-10.00\"",
                "\"feeDifference\" : \"-2.00\"", "\"amountDue\" : \"-2.00\"");
        assertThat(jdbc.sql("select count(*) from statement_adjustment where original_statement_id = ?")
                .param(april.statement().id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anIssuedStatementCannotBeEditedEvenInTheDatabase() {
        BillingFixture.Store f = fixture.store();
        fixture.closeRevenue(f.storeId(), "2026-04-30");
        long id = statements.issue(f.storeId(), APRIL, "cli").statement().id();
        assertThatThrownBy(() -> jdbc.sql("update billing_statement set fee_micros = 0 where id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        BillingFixture.Store f = fixture.store();
        int termsBefore = count("billing_terms");
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        BillingPeriod nextMonth = new BillingPeriod(YearMonth.from(today.plusMonths(1)));
        assertThatThrownBy(() -> statements.preview(f.storeId(), nextMonth)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has not begun");
        assertThatThrownBy(() -> BillingPeriod.parse("2026-13")).isInstanceOf(InvalidInputException.class);
        BillingTerms terms = app.getBean(BillingTerms.class);
        assertThatThrownBy(() -> terms.set(f.storeId(), new TermsInput("2026-03-01", "2026-03-31", "-0.1", null, null,
                "2026-06-01"), "cli")).isInstanceOf(InvalidInputException.class).hasMessageContaining("feeRate");
        assertThatThrownBy(() -> terms.set(f.storeId(), new TermsInput("2026-03-01", "2026-03-31", "0.20", "500", "400",
                "2026-06-01"), "cli")).isInstanceOf(InvalidInputException.class).hasMessageContaining("cap");
        assertThatThrownBy(() -> terms.set(f.storeId(), new TermsInput("2026-03-01", "2026-04-30", "0.20", null, null,
                "2026-04-01"), "cli")).isInstanceOf(InvalidInputException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> terms.set(f.storeId(), new TermsInput("2026-02-01", "2026-02-28", "0.25", null, null,
                "2026-04-01"), "cli")).isInstanceOf(ConflictException.class).hasMessageContaining("already has terms");
        assertThat(count("billing_terms")).isEqualTo(termsBefore);
    }

    @Test
    void termsChangeFromAMonthOnAndEarlierStatementsKeepTheirs() {
        BillingFixture.Store f = fixture.store();
        fixture.closeRevenue(f.storeId(), "2026-04-30");
        statements.issue(f.storeId(), APRIL, "cli");
        BillingTerms terms = app.getBean(BillingTerms.class);
        assertThatThrownBy(() -> terms.set(f.storeId(), new TermsInput("2026-03-01", "2026-03-31", "0.30", null, null,
                "2026-04-01"), "cli")).isInstanceOf(ConflictException.class).hasMessageContaining("is issued");
        terms.set(f.storeId(), new TermsInput("2026-03-01", "2026-03-31", "0.25", null, null, "2026-05-01"), "cli");
        assertThat(terms.inForce(f.storeId(), MAY).orElseThrow().feeRate()).isEqualByComparingTo("0.25");
        assertThat(terms.inForce(f.storeId(), APRIL).orElseThrow().feeRate()).isEqualByComparingTo("0.20");
        assertThat(statements.show(f.storeId(), APRIL).document()).contains("\"feeRate\" : \"0.20\"");
        assertThat(app.getBean(BillingAudit.class).list(f.storeId(), 0, 10)).extracting(BillingAudit.Event::action)
                .containsSequence("terms.set", "statement.issue", "revenue_close.close", "terms.set");
    }
}
