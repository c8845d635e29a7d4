package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.DemoData.DemoAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.Sandbox;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./syncledger fetch} end to end: the real connectors over HTTP on loopback against the sandbox fakes.
 * It covers every demo account of every platform that has a connector, so each connector that lands is
 * covered without changing this test.
 */
class FetchCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Ends two days ago in UTC: a complete day in every account's time zone. 45 days: several requests on most platforms. */
    private static final LocalDate TO = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    private static final DateRange RANGE = DateRange.of(TO.minusDays(44), TO);

    private final Sandbox sandbox = Sandbox.startWithDemoData();

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** The sandbox with short retry waits and budgets that never make a test wait. */
    private Env env() {
        return env(sandbox.environment());
    }

    private static Env env(Map<String, String> platformVariables) {
        Map<String, String> values = new HashMap<>(platformVariables);
        values.put("SYNCLEDGER_FETCH_INITIAL_BACKOFF", "1ms");
        values.put("SYNCLEDGER_FETCH_MAX_BACKOFF", "5ms");
        values.put("SYNCLEDGER_FETCH_MAX_RETRY_AFTER", "10ms");
        for (Platform platform : Platform.values()) {
            values.put("SYNCLEDGER_FETCH_RATE_LIMIT_" + platform.name(), "100000/1s");
        }
        return Env.of(values);
    }

    static List<Platform> covered() {
        return Connectors.implemented().stream().sorted().toList();
    }

    private static List<DemoAccount> coveredAccounts() {
        Set<String> slugs = covered().stream().map(Platform::slug).collect(Collectors.toSet());
        return DemoData.ACCOUNTS.stream().filter(a -> slugs.contains(a.platform())).toList();
    }

    /** The --account argument for a demo account, in the long form where the platform has one. */
    private static String argument(DemoAccount account) {
        return account.platform() + "=" + switch (account.platform()) {
            case "meta" -> "act_" + account.id();
            case "linkedin" -> "urn:li:sponsoredAccount:" + account.id();
            case "google" -> account.id().substring(0, 3) + "-" + account.id().substring(3, 6) + "-"
                    + account.id().substring(6);
            default -> account.id();
        };
    }

    private static String[] fetchArgs(List<DemoAccount> accounts, String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch", "--from", RANGE.from().toString(), "--to", RANGE.to().toString()));
        accounts.forEach(a -> {
            args.add("--account");
            args.add(argument(a));
        });
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private BigDecimal groundTruth(DemoAccount account, LocalDate day) {
        return sandbox.fake(account.platform()).account(account.id()).orElseThrow().totalOn(day);
    }

    private BigDecimal groundTruth(DemoAccount account) {
        return RANGE.dates().map(d -> groundTruth(account, d)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A decimal with at least the currency's minor digits, as the contract prints money. */
    /** A day's amount in the JSON contract: "0" when the platform reported nothing. */
    private static String dayAmount(BigDecimal value, String currency) {
        return value.signum() == 0 ? "0" : decimal(value, currency);
    }

    private static String decimal(BigDecimal value, String currency) {
        int minor = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < minor ? plain.setScale(minor).toPlainString() : plain.toPlainString();
    }

    private int requestsTo(String slug) {
        return sandbox.fake(slug).requests().size();
    }

    @Test
    void everyPlatformWithAConnectorHasASandboxFakeAndDemoAccounts() {
        assertThat(covered()).isNotEmpty();
        for (Platform platform : covered()) {
            assertThat(sandbox.fakes()).containsKey(platform.slug());
            assertThat(coveredAccounts()).anyMatch(a -> a.platform().equals(platform.slug()));
            assertThat(PlatformCredentials.configured(platform, env())).isTrue();
        }
    }

    @Test
    void jsonHasTheExactSpendOfEveryDayOfEveryAccountInTheContractsShape() throws Exception {
        List<DemoAccount> accounts = coveredAccounts();

        CliRun run = CliRun.of(env(), fetchArgs(accounts, "--json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.propertyNames()).containsExactly("from", "to", "complete", "platforms", "totals");
        assertThat(json.get("from").asString()).isEqualTo(RANGE.from().toString());
        assertThat(json.get("to").asString()).isEqualTo(RANGE.to().toString());
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("platforms")).hasSize(accounts.size());
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            DemoAccount account = accounts.get(i);
            JsonNode entry = json.get("platforms").get(i);
            assertThat(entry.propertyNames()).containsExactly("platform", "account", "status", "currency", "timezone",
                    "spend", "days", "error");
            assertThat(entry.get("platform").asString()).isEqualTo(account.platform());
            assertThat(entry.get("account").asString()).isEqualTo(argument(account).substring(account.platform().length() + 1));
            assertThat(entry.get("status").asString()).isEqualTo("ok");
            assertThat(entry.get("currency").asString()).isEqualTo(account.currency());
            assertThat(entry.get("timezone").asString()).isNotBlank();
            assertThat(entry.get("error").isNull()).isTrue();
            assertThat(entry.get("spend").asString()).as(account.toString())
                    .isEqualTo(decimal(groundTruth(account), account.currency()));
            List<LocalDate> dates = RANGE.dates().toList();
            assertThat(entry.get("days")).hasSize(dates.size());
            for (int d = 0; d < dates.size(); d++) {
                JsonNode day = entry.get("days").get(d);
                assertThat(day.propertyNames()).containsExactly("date", "spend");
                assertThat(day.get("date").asString()).isEqualTo(dates.get(d).toString());
                assertThat(day.get("spend").asString()).as(account + " " + dates.get(d))
                        .isEqualTo(dayAmount(groundTruth(account, dates.get(d)), account.currency()));
            }
            totals.merge(account.currency(), groundTruth(account), BigDecimal::add);
        }
        List<String> expectedTotals = totals.entrySet().stream()
                .map(e -> e.getKey() + "=" + decimal(e.getValue(), e.getKey())).toList();
        List<String> printedTotals = new ArrayList<>();
        json.get("totals").forEach(t -> {
            assertThat(t.propertyNames()).containsExactly("currency", "spend");
            printedTotals.add(t.get("currency").asString() + "=" + t.get("spend").asString());
        });
        assertThat(printedTotals).containsExactlyElementsOf(expectedTotals);
    }

    @Test
    void aDayWithoutSpendIsAnExplicitZero() throws Exception {
        DemoAccount account = coveredAccounts().getFirst();
        LocalDate idle = RANGE.dates().filter(d -> groundTruth(account, d).signum() == 0).findFirst().orElseThrow();

        CliRun run = CliRun.of(env(), "fetch", "--from", idle.toString(), "--to", idle.toString(), "--account",
                argument(account), "--json");

        JsonNode entry = JSON.readTree(run.out()).get("platforms").get(0);
        assertThat(entry.get("spend").asString()).isEqualTo(decimal(BigDecimal.ZERO, account.currency()));
        assertThat(entry.get("days").get(0).get("spend").asString()).isEqualTo("0");
    }

    @Test
    void theTableShowsEveryAccountAndTheExactTotalPerCurrency() {
        List<DemoAccount> accounts = coveredAccounts();

        CliRun run = CliRun.of(env(), fetchArgs(accounts));

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (DemoAccount account : accounts) {
            assertThat(run.out()).containsPattern("(?m)^" + account.platform() + "\\s+"
                    + java.util.regex.Pattern.quote(argument(account).substring(account.platform().length() + 1))
                    + "\\s+ok\\s+" + account.currency() + "\\s+"
                    + java.util.regex.Pattern.quote(decimal(groundTruth(account), account.currency())) + "$");
            totals.merge(account.currency(), groundTruth(account), BigDecimal::add);
        }
        totals.forEach((currency, total) -> assertThat(run.out()).contains("  " + currency + "  " + decimal(total, currency)));
        assertThat(run.out()).contains("Complete: all " + accounts.size() + " account(s) fetched.");
    }

    @Test
    void aThrottledPlatformIsRetriedThroughToTheExactResult() throws Exception {
        List<DemoAccount> accounts = coveredAccounts();
        CliRun clean = CliRun.of(env(), fetchArgs(accounts, "--json"));
        Map<String, Integer> cleanRequests = new HashMap<>();
        covered().forEach(p -> cleanRequests.put(p.slug(), requestsTo(p.slug())));
        sandbox.fakes().values().forEach(FakePlatform::clearRequests);
        // Every platform throttles its next two requests, in its own way (429 with or without Retry-After,
        // TikTok's code 40100 in an HTTP 200, ...).
        covered().forEach(p -> sandbox.fake(p.slug()).failNext(Fault.THROTTLE, 2));

        CliRun throttled = CliRun.of(env(), fetchArgs(accounts, "--json"));

        assertThat(throttled.exitCode()).as(throttled.err()).isZero();
        assertThat(throttled.out()).isEqualTo(clean.out());
        for (Platform platform : covered()) {
            assertThat(requestsTo(platform.slug())).as(platform.slug())
                    .isGreaterThanOrEqualTo(cleanRequests.get(platform.slug()) + 2);
        }
    }

    @ParameterizedTest
    @MethodSource("covered")
    void aRevokedTokenIsReportedAsAuthWhileTheOtherPlatformsStayOk(Platform revoked) throws Exception {
        sandbox.fake(revoked.slug()).revokeTokens();
        List<DemoAccount> accounts = coveredAccounts();

        CliRun run = CliRun.of(env(), fetchArgs(accounts, "--json"));

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("complete").asBoolean()).isFalse();
        Map<String, BigDecimal> okTotals = new TreeMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            JsonNode entry = json.get("platforms").get(i);
            DemoAccount account = accounts.get(i);
            if (account.platform().equals(revoked.slug())) {
                assertThat(entry.get("status").asString()).isEqualTo("failed");
                assertThat(entry.get("error").get("kind").asString()).isEqualTo("auth");
                assertThat(entry.get("error").get("message").asString()).isNotBlank();
                assertThat(entry.get("spend").isNull()).isTrue();
                assertThat(entry.get("days")).isEmpty();
            } else {
                assertThat(entry.get("status").asString()).as(account.toString()).isEqualTo("ok");
                okTotals.merge(account.currency(), groundTruth(account), BigDecimal::add);
            }
        }
        // Totals count only the accounts that answered.
        List<String> printed = new ArrayList<>();
        json.get("totals").forEach(t -> printed.add(t.get("currency").asString() + "=" + t.get("spend").asString()));
        assertThat(printed).containsExactlyElementsOf(okTotals.entrySet().stream()
                .map(e -> e.getKey() + "=" + decimal(e.getValue(), e.getKey())).toList());
        // Nothing secret in what the user sees.
        sandbox.fake(revoked.slug()).credentials();
        assertThat(run.out() + run.err()).doesNotContain(sandbox.fake(revoked.slug()).credentials().accessToken(),
                sandbox.fake(revoked.slug()).credentials().refreshToken(),
                sandbox.fake(revoked.slug()).credentials().clientSecret());
    }

    @Test
    void anUnconfiguredPlatformIsReportedAndNeverAsked() throws Exception {
        Platform unconfigured = covered().getFirst();
        Map<String, String> variables = new HashMap<>(sandbox.environment());
        variables.keySet().removeIf(name -> name.startsWith(PlatformCredentials.prefix(unconfigured) + "_")
                && !name.endsWith("_BASE_URL") && !name.endsWith("_TOKEN_URL"));
        List<DemoAccount> accounts = coveredAccounts();

        CliRun run = CliRun.of(env(variables), fetchArgs(accounts, "--json"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(requestsTo(unconfigured.slug())).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("complete").asBoolean()).isFalse();
        for (int i = 0; i < accounts.size(); i++) {
            JsonNode entry = json.get("platforms").get(i);
            boolean mine = accounts.get(i).platform().equals(unconfigured.slug());
            assertThat(entry.get("status").asString()).isEqualTo(mine ? "not_configured" : "ok");
            if (mine) {
                assertThat(entry.get("spend").isNull()).isTrue();
                assertThat(entry.get("currency").isNull()).isTrue();
                assertThat(entry.get("error").isNull()).isTrue();
            }
        }
        CliRun table = CliRun.of(env(variables), fetchArgs(accounts));
        assertThat(table.out()).contains("not_configured", "not configured: set ");
    }

    @Test
    void aPlatformWithoutAConnectorIsNotConfigured() {
        Platform missing = Stream.of(Platform.values()).filter(p -> !Connectors.implemented().contains(p))
                .findFirst().orElse(null);
        if (missing == null) {
            // All nine have landed: nothing is missing any more, which is what the other tests cover.
            assertThat(Connectors.implemented()).hasSize(Platform.values().length);
            return;
        }
        DemoAccount account = DemoData.ACCOUNTS.stream().filter(a -> a.platform().equals(missing.slug())).findFirst()
                .orElseThrow();
        CliRun run = CliRun.of(env(Map.of(PlatformCredentials.prefix(missing) + "_ACCESS_TOKEN", "t")),
                "fetch", "--from", RANGE.from().toString(), "--to", RANGE.to().toString(), "--account", argument(account));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("not_configured", "has no " + missing.displayName() + " connector yet");
    }

    @ParameterizedTest
    @MethodSource("invalidInput")
    void invalidInputIsExitTwoWithAMessageAndNoRequestAnywhere(List<String> args, String message) {
        List<String> full = new ArrayList<>(List.of("fetch"));
        full.addAll(args);

        CliRun run = CliRun.of(env(), full.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
        sandbox.fakes().forEach((slug, fake) -> assertThat(fake.requests()).as(slug).isEmpty());
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> invalidInput() {
        String ok = "tiktok=7001234567890123456";
        String from = RANGE.from().toString();
        String to = RANGE.to().toString();
        return Stream.of(
                args(List.of("--from", "2026-02-30", "--to", to, "--account", ok), "invalid start date '2026-02-30'"),
                args(List.of("--from", from, "--to", "yesterday", "--account", ok), "invalid end date 'yesterday'"),
                args(List.of("--from", to, "--to", from, "--account", ok), "is before its start"),
                args(List.of("--from", from, "--to", to, "--account", ok, "--account", "myspace=123"),
                        "unknown platform 'myspace'"),
                args(List.of("--from", from, "--to", to, "--account", ok, "--account", "tiktok=abc"),
                        "invalid TikTok account id 'abc'"),
                args(List.of("--from", from, "--to", to, "--account", "7001234567890123456"), "expected PLATFORM=ID"),
                args(List.of("--from", from, "--to", to), "Missing required option: '--account=PLATFORM=ID'"),
                args(List.of("--to", to, "--account", ok), "Missing required option: '--from=YYYY-MM-DD'"),
                args(List.of("--from", "2020-01-01", "--to", to, "--account", ok), "longer than 3 years"),
                args(List.of("--from", from, "--to", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(), "--account", ok),
                        "has not begun in any time zone"));
    }

    private static org.junit.jupiter.params.provider.Arguments args(List<String> args, String message) {
        return org.junit.jupiter.params.provider.Arguments.of(args, message);
    }
}
