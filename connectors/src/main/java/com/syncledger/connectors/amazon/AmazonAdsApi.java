package com.syncledger.connectors.amazon;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.connectors.wire.WireResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * The Amazon Ads calls the connector makes, with the Login with Amazon bearer token, the client id and the
 * profile scope on each. A 401 is answered by one token refresh and one repeat of the call (Amazon does not
 * say reliably whether a token expired, and polls see the occasional spurious 401). Returns every answer as
 * it came: the caller decides what it means.
 */
final class AmazonAdsApi {

    private static final Platform AMAZON = Platform.AMAZON;
    static final AmazonAdsErrors ERRORS = new AmazonAdsErrors();

    private static final String SCOPE = "Amazon-Advertising-API-Scope";

    private final WireClient wire;
    private final AuthorizedHttp http;
    private final AmazonAdsSettings settings;

    AmazonAdsApi(WireClient wire, OAuthRefresher tokens, String clientId, AmazonAdsSettings settings) {
        this.wire = wire;
        // Any 401 gets one refresh: Amazon does not say reliably whether a token expired.
        this.http = AuthorizedHttp.builder(AMAZON, wire, tokens, ERRORS)
                .header("Amazon-Advertising-API-ClientId", clientId)
                .build();
        this.settings = settings;
    }

    /** {@code GET /v2/profiles}: every profile the token can use in this region (a JSON array). */
    WireResponse profiles() {
        return http.exchange(HttpRequest.newBuilder(api("/v2/profiles"))
                .header("Accept", "application/json")
                .GET());
    }

    /** {@code POST /reporting/reports}: asks for one asynchronous report. */
    WireResponse createReport(String profileId, String body) {
        return http.exchange(HttpRequest.newBuilder(api("/reporting/reports"))
                .header(SCOPE, profileId)
                .header("Content-Type", settings.mediaType("createasyncreportrequest"))
                .header("Accept", settings.mediaType("createasyncreportresponse"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code GET /reporting/reports/{reportId}}: the report's status and, once completed, its download URL. */
    WireResponse report(String profileId, String reportId) {
        String path = "/reporting/reports/" + URLEncoder.encode(reportId, StandardCharsets.UTF_8);
        return http.exchange(HttpRequest.newBuilder(api(path))
                .header(SCOPE, profileId)
                .header("Accept", settings.mediaType("getasyncreportresponse"))
                .GET());
    }

    /**
     * Downloads a completed report from its pre-signed URL with no credentials of ours: the URL carries its own
     * signature, and S3 refuses a request that brings a second auth mechanism.
     */
    WireResponse download(URI presignedUrl) {
        return wire.send(AMAZON, HttpRequest.newBuilder(presignedUrl).GET());
    }

    private URI api(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    @Override
    public String toString() {
        return "AmazonAdsApi[" + settings.baseUrl() + "]";
    }
}
