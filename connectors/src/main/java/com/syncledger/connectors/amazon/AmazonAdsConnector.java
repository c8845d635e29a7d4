package com.syncledger.connectors.amazon;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.BaseConnector;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.WireResponse;
import java.math.BigInteger;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Ads (Sponsored Products, Brands and Display) daily spend through the v3 asynchronous reporting API.
 * The account is an advertising profile; its currency and time zone come from {@code GET /v2/profiles}, and
 * its daily cost is the sum of one campaign report per ad product, each at most 31 days long.
 */
public final class AmazonAdsConnector extends BaseConnector {

    private static final Platform AMAZON = Platform.AMAZON;
    static final int MAX_DAYS_PER_REPORT = AdProduct.commonMaxSpanDays();

    private final AmazonAdsApi api;
    private final AmazonAdsSettings settings;
    private final Clock clock = Clock.systemUTC();

    AmazonAdsConnector(AmazonAdsApi api, AmazonAdsSettings settings) {
        super(new ConnectorDescriptor(
                AMAZON,
                "reporting " + settings.apiVersion(),
                MAX_DAYS_PER_REPORT,
                // Per product (see AdProduct): days older than a product's retention are reported missing.
                AdProduct.longestRetentionDays(),
                // Airbyte's default lookback; late cost adjustments settle within a few days.
                3,
                // Dynamic and unpublished (it follows the regional report queue): a conservative budget.
                RateLimit.perSecond(1)));
        this.api = api;
        this.settings = settings;
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        WireResponse response = api.profiles();
        String requestId = AmazonAdsApi.ERRORS.requestId(response);
        if (!response.isSuccess()) {
            throw AmazonAdsApi.ERRORS.translate(response);
        }
        JsonNode profiles = Json.parse(AMAZON, response, requestId);
        if (!profiles.isArray()) {
            throw bad(response, requestId, "Amazon Ads profiles are not a JSON array");
        }
        BigInteger wanted = new BigInteger(account.value());
        for (JsonNode profile : profiles) {
            if (wanted.equals(profileId(profile))) {
                return info(profile, response, requestId);
            }
        }
        throw new ConnectorException.NotFound(new Details(AMAZON, response.status(), null, requestId,
                "Amazon Ads profile " + account.value() + " is not among the profiles this token can use in "
                        + settings.baseUrl().getHost() + " (wrong region, or no access)"));
    }

    /** {@code GET /v2/profiles}: needs the client id and a working token, and no profile. */
    @Override
    public void verifyCredentials() {
        WireResponse response = api.profiles();
        if (!response.isSuccess()) {
            throw AmazonAdsApi.ERRORS.translate(response);
        }
    }

    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        return new ReportRun(api, settings, account.value(), info, descriptor().requireOneRequest(range), clock).run();
    }

    /** The profile id exactly, never through a double: ids can exceed 2^53. Null when unreadable. */
    private static BigInteger profileId(JsonNode profile) {
        String text = Json.text(profile, "profileId");
        if (text == null || !text.matches("\\d{1,20}")) {
            return null;
        }
        return new BigInteger(text);
    }

    private static AccountInfo info(JsonNode profile, WireResponse response, String requestId) {
        JsonNode accountInfo = profile.get("accountInfo");
        String name = Json.text(accountInfo, "name");
        try {
            return new AccountInfo(Json.text(profile, "currencyCode"),
                    ZoneId.of(String.valueOf(Json.text(profile, "timezone"))), name);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw bad(response, requestId, "Amazon Ads profile has an unreadable currency or time zone: "
                    + e.getMessage());
        }
    }

    private static ConnectorException.BadResponse bad(WireResponse response, String requestId, String message) {
        return new ConnectorException.BadResponse(new Details(AMAZON, response.status(), null, requestId, message));
    }

    @Override
    public String toString() {
        return "AmazonAdsConnector[" + settings.baseUrl() + ", reporting " + settings.apiVersion() + "]";
    }
}
