package com.syncledger.sandbox.snapchat;

import com.syncledger.sandbox.AuthorizeEndpoint;
import com.syncledger.sandbox.Call;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Fault;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snapchat Marketing API v1 on loopback: {@code GET /v1/adaccounts/{id}} and
 * {@code GET /v1/adaccounts/{id}/stats} with {@code DAY} granularity, and the OAuth token endpoint
 * {@code POST /login/oauth2/access_token} (client credentials in the form body, 30-minute tokens).
 * Stats times must be the account's local midnight with the offset in force on that date, end after
 * start, at most 32 days apart; anything else is a 400 whose {@code debug_message} starts with
 * {@code Unsupported Stats Query:}, as Snap answers.
 */
public final class SnapchatFake extends FakePlatform {

    private static final String ORGANIZATIONS = "/v1/me/organizations";
    private static final int DEFAULT_ORGANIZATIONS_PAGE = 50;
    private static final Pattern ACCOUNT = Pattern.compile("/v1/adaccounts/([^/]+)");
    private static final Pattern STATS = Pattern.compile("/v1/adaccounts/([^/]+)/stats");
    private static final Pattern UUID_FORMAT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final long MAX_DAYS = 32;
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private volatile String successStatus = "SUCCESS";

    public SnapchatFake() {
        super("snapchat", 0);
    }

    /**
     * What successful answers carry in {@code request_status} and {@code sub_request_status}: live answers
     * say {@code SUCCESS}, Snap's documentation shows {@code success}.
     */
    public SnapchatFake requestStatus(String status) {
        this.successStatus = status;
        return this;
    }

    @Override
    protected String tokenPath() {
        return "/login/oauth2/access_token";
    }

    /** Snap's consent page, {@code accounts.snapchat.com/login/oauth2/authorize}; the Marketing API takes no PKCE. */
    @Override
    protected AuthorizeEndpoint authorizeEndpoint() {
        return AuthorizeEndpoint.standard("/login/oauth2/authorize", false);
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SNAPCHAT_AUTHORIZE_URL", baseUrl() + "/login/oauth2/authorize");
        env.put("SNAPCHAT_BASE_URL", baseUrl().toString());
        env.put("SNAPCHAT_TOKEN_URL", tokenUrl());
        env.put("SNAPCHAT_CLIENT_ID", credentials.clientId());
        env.put("SNAPCHAT_CLIENT_SECRET", credentials.clientSecret());
        env.put("SNAPCHAT_REFRESH_TOKEN", credentials.refreshToken());
        env.put("SNAPCHAT_ACCESS_TOKEN", credentials.accessToken());
        return env;
    }

    @Override
    protected void serve(Call call) {
        if (call.path().equals(tokenPath())) {
            if ("POST".equals(call.method())) {
                serveTokenRefresh(call, false, 1800);
            } else {
                error(call, 405, "E1000", "Method not allowed");
            }
            return;
        }
        if (!"GET".equals(call.method())) {
            error(call, 405, "E1000", "Method not allowed");
            return;
        }
        if (call.path().equals(ORGANIZATIONS)) {
            if (authorized(call)) {
                serveOrganizations(call);
            }
            return;
        }
        Matcher stats = STATS.matcher(call.path());
        Matcher account = ACCOUNT.matcher(call.path());
        if (!stats.matches() && !account.matches()) {
            return; // the base answers 404 for unknown routes
        }
        if (!authorized(call)) {
            return;
        }
        String id = stats.matches() ? stats.group(1) : account.group(1);
        Optional<FakeAccount> found = lookUp(call, id);
        if (found.isEmpty()) {
            return;
        }
        if (!reaches(call.bearerToken(), found.get().id())) {
            error(call, 403, "E1003", "User does not have permission to access the requested resource");
            return;
        }
        if (stats.matches()) {
            serveStats(call, found.get());
        } else {
            serveAccount(call, found.get());
        }
    }

    @Override
    protected void fail(Call call, Fault fault) {
        switch (fault) {
            // Snap documents no Retry-After or rate-limit headers on its 429.
            case THROTTLE -> error(call, 429, "E1008", "Rate limit exceeded");
            case SERVER_ERROR -> error(call, 500, "E1001", "Internal server error");
            case MALFORMED -> call.json(200, Map.of("request_status", successStatus, "request_id", nextRequestId(),
                    "stats", List.of()));
        }
    }

    // Error codes other than E3003 (not found) are illustrative: Snap publishes no catalogue.
    private boolean authorized(Call call) {
        TokenState state = tokenState(call.bearerToken());
        if (state == TokenState.VALID) {
            return true;
        }
        String message = switch (state) {
            case EXPIRED -> "The access token has expired";
            case REVOKED -> "The access token has been revoked";
            default -> "Unauthorized";
        };
        error(call, 401, "E1002", message);
        return false;
    }

    private Optional<FakeAccount> lookUp(Call call, String id) {
        if (!UUID_FORMAT.matcher(id).matches()) {
            error(call, 400, "E2002", "Invalid ad account id: " + id);
            return Optional.empty();
        }
        Optional<FakeAccount> account = account(id.toLowerCase(Locale.ROOT));
        if (account.isEmpty()) {
            error(call, 404, "E3003", "Resource can not be found");
        }
        return account;
    }

    private void serveAccount(Call call, FakeAccount account) {
        Map<String, Object> adAccount = new LinkedHashMap<>();
        adAccount.put("id", account.id());
        adAccount.put("updated_at", "2024-01-15T10:00:00.000Z");
        adAccount.put("created_at", "2023-01-01T00:00:00.000Z");
        adAccount.put("name", account.name());
        adAccount.put("type", "PARTNER");
        adAccount.put("status", "ACTIVE");
        adAccount.put("organization_id", UUID.nameUUIDFromBytes(account.id().getBytes(StandardCharsets.UTF_8)).toString());
        adAccount.put("currency", account.currency());
        adAccount.put("timezone", account.timeZone().getId());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sub_request_status", successStatus);
        item.put("adaccount", adAccount);
        call.json(200, envelope("adaccounts", item));
    }

    private void serveStats(Call call, FakeAccount account) {
        ZoneId zone = account.timeZone();
        String granularity = call.query("granularity");
        if (!"DAY".equals(granularity)) {
            unsupported(call, granularity == null ? "granularity is required"
                    : "this sandbox serves DAY granularity only, not " + granularity);
            return;
        }
        String fields = call.query("fields");
        if (fields == null || !List.of(fields.split(",")).contains("spend")) {
            unsupported(call, "fields must include spend");
            return;
        }
        ZonedDateTime start = localMidnight(call, "start_time", zone);
        ZonedDateTime end = start == null ? null : localMidnight(call, "end_time", zone);
        if (end == null) {
            return;
        }
        if (!end.isAfter(start)) {
            unsupported(call, "end_time must be after start_time");
            return;
        }
        // Measured in elapsed time, the stricter reading of Snap's "more than 32 days".
        if (Duration.between(start.toInstant(), end.toInstant()).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            unsupported(call, "Timeseries queries with DAY granularity cannot query time intervals of more than "
                    + MAX_DAYS + " days");
            return;
        }
        boolean omitEmpty = "true".equalsIgnoreCase(call.query("omit_empty"));
        List<Map<String, Object>> timeseries = new ArrayList<>();
        for (LocalDate day = start.toLocalDate(); day.isBefore(end.toLocalDate()); day = day.plusDays(1)) {
            BigDecimal spend = account.totalOn(day);
            if (omitEmpty && spend.signum() == 0) {
                continue;
            }
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("start_time", TIME.format(day.atStartOfDay(zone)));
            element.put("end_time", TIME.format(day.plusDays(1).atStartOfDay(zone)));
            element.put("stats", Map.of("spend", spend.multiply(MICROS).longValueExact()));
            timeseries.add(element);
        }
        Map<String, Object> stat = new LinkedHashMap<>();
        stat.put("id", account.id());
        stat.put("type", "AD_ACCOUNT");
        stat.put("granularity", "DAY");
        stat.put("start_time", TIME.format(start));
        stat.put("end_time", TIME.format(end));
        stat.put("finalized_data_end_time", TIME.format(finalizedEnd(zone, end)));
        stat.put("timeseries", timeseries);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sub_request_status", successStatus);
        item.put("timeseries_stat", stat);
        call.json(200, envelope("timeseries_stats", item));
    }

    /** The stats time {@code name}, which must be the account's local midnight with the offset in force then. */
    private ZonedDateTime localMidnight(Call call, String name, ZoneId zone) {
        String text = call.query(name);
        if (text == null) {
            unsupported(call, name + " is required");
            return null;
        }
        ZonedDateTime midnight;
        try {
            midnight = exactStartOfDay(text, zone);
        } catch (DateTimeException unreadable) {
            error(call, 400, "E2001", "Invalid " + name + ": " + text);
            return null;
        }
        if (midnight == null) {
            unsupported(call, "Timeseries queries with DAY granularity must have " + (name.startsWith("end") ? "an end" : "a start")
                    + " time that is the start of day (00:00:00) for the account's timezone. This account's timezone is: "
                    + zone.getId());
        }
        return midnight;
    }

    /** The local start of day {@code text} names exactly (time and offset), or null when it names anything else. */
    private static ZonedDateTime exactStartOfDay(String text, ZoneId zone) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            ZonedDateTime midnight = time.atZoneSameInstant(zone).toLocalDate().atStartOfDay(zone);
            return midnight.toOffsetDateTime().equals(time) ? midnight : null;
        } catch (DateTimeException withoutOffset) {
            // Snap is observed to read a time without an offset in the account's own zone.
            LocalDateTime time = LocalDateTime.parse(text);
            ZonedDateTime midnight = time.toLocalDate().atStartOfDay(zone);
            return midnight.toLocalDateTime().equals(time) ? midnight : null;
        }
    }

    /** Snap finalises a day about 48 hours after it ends. */
    private static ZonedDateTime finalizedEnd(ZoneId zone, ZonedDateTime end) {
        ZonedDateTime finalized = LocalDate.now(zone).minusDays(2).atStartOfDay(zone);
        return finalized.isBefore(end) ? finalized : end;
    }

    private void unsupported(Call call, String detail) {
        error(call, 400, "E2002", "Unsupported Stats Query: " + detail);
    }

    /**
     * {@code GET /v1/me/organizations?with_ad_accounts=true}: the organizations of the token's grant, here one
     * per reached ad account, paged by {@code limit} with {@code paging.next_link}.
     */
    private void serveOrganizations(Call call) {
        FakeGrant grant = grantOf(call.bearerToken());
        List<FakeAccount> reached = accounts().values().stream().filter(a -> grant.reaches(a.id()))
                .sorted(java.util.Comparator.comparing(FakeAccount::id)).toList();
        int limit = pageSize() > 0 ? pageSize() : DEFAULT_ORGANIZATIONS_PAGE;
        int start;
        try {
            start = call.query("cursor") == null ? 0 : Integer.parseInt(call.query("cursor"));
        } catch (NumberFormatException e) {
            error(call, 400, "E2001", "Invalid cursor");
            return;
        }
        boolean withAccounts = "true".equalsIgnoreCase(call.query("with_ad_accounts"));
        List<Map<String, Object>> items = new ArrayList<>();
        int end = Math.min(start + limit, reached.size());
        for (FakeAccount account : start < end ? reached.subList(start, end) : List.<FakeAccount>of()) {
            Map<String, Object> organization = new LinkedHashMap<>();
            organization.put("id", UUID.nameUUIDFromBytes(account.id().getBytes(StandardCharsets.UTF_8)).toString());
            organization.put("name", "Organization of " + account.name());
            if (withAccounts) {
                organization.put("ad_accounts", List.of(Map.of("id", account.id(), "name", account.name(),
                        "currency", account.currency(), "timezone", account.timeZone().getId(), "status", "ACTIVE")));
            }
            items.add(Map.of("sub_request_status", successStatus, "organization", organization));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_status", successStatus);
        body.put("request_id", nextRequestId());
        body.put("organizations", items);
        if (end < reached.size()) {
            body.put("paging", Map.of("next_link", baseUrl() + ORGANIZATIONS + "?with_ad_accounts="
                    + withAccounts + "&cursor=" + end));
        }
        call.json(200, body);
    }

    private Map<String, Object> envelope(String plural, Map<String, Object> item) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_status", successStatus);
        body.put("request_id", nextRequestId());
        body.put(plural, List.of(item));
        return body;
    }

    private void error(Call call, int status, String code, String debugMessage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_status", "ERROR");
        body.put("request_id", nextRequestId());
        body.put("debug_message", debugMessage);
        body.put("display_message", "We're sorry, but the request could not be completed");
        body.put("error_code", code);
        call.json(status, body);
    }
}
