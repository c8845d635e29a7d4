package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.JsonAnswer;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.connectors.wire.WireResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authorized JSON calls to the Microsoft Advertising REST services and report downloads. Every call sends
 * {@code Authorization: Bearer}, {@code DeveloperToken} and, for Reporting, {@code CustomerId} and
 * {@code CustomerAccountId}. A {@link Session} is one logical operation: it refreshes an expired access
 * token at most once and otherwise never repeats a call.
 */
final class MicrosoftClient {

    private static final Platform PLATFORM = Platform.MICROSOFT;

    private final MicrosoftSettings settings;
    private final WireClient wire;
    private final AuthorizedHttp http;

    MicrosoftClient(MicrosoftSettings settings, WireClient wire, OAuthRefresher tokens) {
        this.settings = settings;
        this.wire = wire;
        // Every call names its operation in its errors (see post); this translator is never the one used.
        this.http = AuthorizedHttp.builder(PLATFORM, wire, tokens, new MicrosoftErrors("call"))
                .header("DeveloperToken", settings.developerToken())
                .acceptJson()
                .build();
    }

    Session session() {
        return new Session(http.session());
    }

    /** The calls of one logical operation. Not thread-safe: one per operation. */
    final class Session {

        private final AuthorizedHttp calls;

        private Session(AuthorizedHttp calls) {
            this.calls = calls;
        }

        /** A Reporting call for {@code account}. */
        JsonAnswer reporting(String operation, String body, AccountId account, String name) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("CustomerId", settings.customerId());
            headers.put("CustomerAccountId", account.value());
            return post(settings.reportingUrl(operation), headers, body, name);
        }

        /** A Customer Management call: it needs neither customer nor account header. */
        JsonAnswer customerManagement(String operation, String body, String name) {
            return post(settings.customerUrl(operation), Map.of(), body, name);
        }

        /**
         * The report file behind a pre-signed link. The link is its own credential: no API headers go to
         * the storage host. A refused link (it lives five minutes) is transient: polling again gives a new one.
         */
        byte[] download(String url, String requestId) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw MicrosoftWire.bad(requestId, "PollGenerateReport answered with an unusable download URL");
            }
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw MicrosoftWire.bad(requestId, "PollGenerateReport answered with an unusable download URL");
            }
            WireResponse response = wire.send(PLATFORM, HttpRequest.newBuilder(uri).GET());
            if (!response.isSuccess()) {
                // The link itself is never put in a message: its signature grants access to the file.
                throw new ConnectorException.Transient(new Details(PLATFORM, response.status(), null, requestId,
                        PLATFORM.displayName() + " report download failed (http " + response.status()
                                + "); the link may have expired, a new poll gives a new one"));
            }
            return response.body();
        }

        private JsonAnswer post(URI uri, Map<String, String> headers, String body, String name) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return calls.withErrors(new MicrosoftErrors(name)).sendJson(request);
        }
    }
}
