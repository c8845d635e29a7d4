package com.syncledger.connectors.meta;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.AccessTokens;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.BaseConnector;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.connectors.wire.WireResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta (Facebook/Instagram) ad spend from the Graph API: the ad account node for currency and time zone,
 * and synchronous account-level insights with one row per account-local day, page by page.
 */
public final class MetaConnector extends BaseConnector {

    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
    /** Released 2026-07-29; the official SDK's default since August 2026. */
    public static final String DEFAULT_API_VERSION = "v26.0";
    public static final String VERSION_VAR = "META_API_VERSION";

    /**
     * Meta documents no range limit for synchronous insights, but large ones time out (code 1 / subcode
     * 1504018). 90 days keep an account-level answer at 90 rows, one page.
     */
    static final int MAX_DAYS_PER_REQUEST = 90;
    static final int PAGE_LIMIT = 100;
    /** 37 months is Meta's insights look-back; 1123 days is the shortest 37-month span, so always inside it. */
    static final int RETENTION_DAYS = 1123;
    /** Meta revises insights for up to 28 days, then freezes them. */
    static final int RESTATEMENT_DAYS = 28;
    /** The ads_insights business-use-case floor of the Limited tier: 600 calls an hour (+400 per active ad). */
    static final RateLimit RATE_LIMIT = RateLimit.perHour(600);

    private static final Platform META = Platform.META;
    private static final MetaErrors ERRORS = new MetaErrors();
    private static final Logger LOG = LoggerFactory.getLogger(MetaConnector.class);
    private static final Pattern VERSION = Pattern.compile("v?(\\d+\\.\\d+)");
    private static final String ACCOUNT_FIELDS = "id,account_id,name,currency,timezone_name,account_status";
    private static final String INSIGHT_FIELDS = "spend,account_currency,date_start,date_stop";
    private static final Set<String> CREDENTIAL_PARAMS = Set.of("access_token", "appsecret_proof");

    private final URI baseUrl;
    private final String apiVersion;
    private final String appSecretProof;
    private final AuthorizedHttp http;
    private final WireClient wire;
    private final Secret accessToken;
    /** Set once Meta has refused the Authorization header as carrying no token; the parameter is used since. */
    private volatile boolean tokenAsParameter;

    MetaConnector(URI baseUrl, String apiVersion, Secret accessToken, Secret appSecret, WireClient wire) {
        super(new ConnectorDescriptor(META, apiVersion, MAX_DAYS_PER_REQUEST, RETENTION_DAYS, RESTATEMENT_DAYS,
                RATE_LIMIT));
        this.baseUrl = baseUrl;
        this.apiVersion = apiVersion;
        this.appSecretProof = appSecret == null ? null : appSecretProof(accessToken, appSecret);
        // The token goes in the Authorization header, so it never lands in a URL or a log line. The SDK sends
        // it as the access_token parameter; the Bearer header is widely used with the Graph API but not firmly
        // documented for the Marketing API (UNSURE). Should Meta answer "an access token is required" (104)
        // to the header, the call is repeated once with the access_token parameter, which is kept from then on.
        this.http = AuthorizedHttp.builder(META, wire, AccessTokens.fixed(accessToken), new MetaErrors())
                .acceptJson()
                .build();
        this.wire = wire;
        this.accessToken = accessToken;
    }

    /**
     * One GET with the token in the header, or, once Meta has answered that the header carries no token, as
     * the {@code access_token} parameter. The URL with the token is never logged or put into an error.
     */
    private WireResponse get(URI uri) {
        if (!tokenAsParameter) {
            WireResponse response = http.exchange(HttpRequest.newBuilder(uri).GET());
            if (response.isSuccess()) {
                return response;
            }
            if (!MetaErrors.tokenMissing(response)) {
                throw ERRORS.translate(response);
            }
            LOG.warn("event=token_transport platform=meta from=authorization_header to=access_token_parameter"
                    + " reason=\"Meta answered code 104 to the Authorization header\"");
            tokenAsParameter = true;
        }
        String separator = uri.getRawQuery() == null ? "?" : "&";
        URI withToken = URI.create(uri + separator + "access_token="
                + URLEncoder.encode(accessToken.reveal(), StandardCharsets.UTF_8));
        WireResponse response = wire.send(META, HttpRequest.newBuilder(withToken)
                .header("Accept", "application/json").GET());
        if (!response.isSuccess()) {
            throw ERRORS.translate(response);
        }
        return response;
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        WireResponse response = get(url(accountPath(account), Map.of("fields", ACCOUNT_FIELDS)));
        String requestId = ERRORS.requestId(response);
        return MetaMapper.accountInfo(Json.parse(META, response, requestId), requestId);
    }

    /** {@code GET /me?fields=id}: the cheapest call that needs a working token. */
    @Override
    public void verifyCredentials() {
        get(url("/" + apiVersion + "/me", Map.of("fields", "id")));
    }

    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        return insights(account, info, range, oneRequestDays(range, info));
    }

    /** All pages of one insights request, following {@code paging.next} until it is absent. */
    private SpendReport insights(AccountId account, AccountInfo info, DateRange part, SpendDays days) {
        Set<URI> requested = new HashSet<>();
        URI page = url(accountPath(account) + "/insights", insightsParams(part));
        while (page != null) {
            if (!requested.add(page)) {
                throw MetaMapper.bad(null, "Meta paging.next repeats a page already read");
            }
            WireResponse response = get(page);
            String requestId = ERRORS.requestId(response);
            days.requestId(requestId);
            MetaMapper.InsightsPage rows = MetaMapper.insightsPage(
                    Json.parse(META, response, requestId), info.currency(), requestId);
            rows.rows().forEach(row -> days.add(row.day(), row.spend(), requestId));
            page = rows.next() == null ? null : nextPage(rows.next(), account, requestId);
        }
        // The time_range covers the part; Meta leaves out days without delivery.
        return days.coveredAll().report();
    }

    private static Map<String, String> insightsParams(DateRange part) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("level", "account");
        params.put("fields", INSIGHT_FIELDS);
        params.put("time_range", Json.write(Map.of("since", part.from().toString(), "until", part.to().toString())));
        params.put("time_increment", "1");
        params.put("limit", String.valueOf(PAGE_LIMIT));
        return params;
    }

    /**
     * The {@code paging.next} link on the configured base URL: Meta's link names its own host and may carry
     * the access token as a parameter; only its path and remaining parameters are kept, and the token goes in
     * the header as on every other request. The app secret proof is added again (Meta leaves it out).
     */
    private URI nextPage(String next, AccountId account, String requestId) {
        URI link;
        try {
            link = new URI(next);
        } catch (URISyntaxException e) {
            throw MetaMapper.bad(requestId, "Meta paging.next is not a URL");
        }
        String path = link.getRawPath();
        if (path == null || !path.endsWith("/act_" + account.value() + "/insights")) {
            throw MetaMapper.bad(requestId, "Meta paging.next points away from this account's insights");
        }
        String query = Arrays.stream(link.getRawQuery() == null ? new String[0] : link.getRawQuery().split("&"))
                .filter(param -> !param.isEmpty() && !CREDENTIAL_PARAMS.contains(paramName(param)))
                .collect(Collectors.joining("&"));
        if (appSecretProof != null) {
            query = (query.isEmpty() ? "" : query + "&") + "appsecret_proof=" + appSecretProof;
        }
        return URI.create(baseUrl + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static String paramName(String param) {
        int eq = param.indexOf('=');
        return URLDecoder.decode(eq < 0 ? param : param.substring(0, eq), StandardCharsets.UTF_8);
    }

    private String accountPath(AccountId account) {
        return "/" + apiVersion + "/act_" + account.valueOn(META);
    }

    private URI url(String path, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (appSecretProof != null) {
            all.put("appsecret_proof", appSecretProof);
        }
        String query = all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + path + "?" + query);
    }

    /** Lowercase hex HMAC-SHA256 of the access token, keyed by the app secret (Graph API login security). */
    static String appSecretProof(Secret accessToken, Secret appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Accepts {@code v26.0} or {@code 26.0}. */
    static String apiVersion(String value) {
        var m = VERSION.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(VERSION_VAR + " must look like v26.0, got '" + value + "'");
        }
        return "v" + m.group(1);
    }

    @Override
    public String toString() {
        return "MetaConnector[" + baseUrl + ", " + apiVersion + ", appsecret_proof "
                + (appSecretProof == null ? "off" : "on") + "]";
    }
}
