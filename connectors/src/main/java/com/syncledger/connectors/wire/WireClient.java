package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Platform;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The one HTTP client every connector uses: connect and read timeouts, network failures translated into
 * {@link ConnectorException}s, and never a retry. Safe for concurrent use.
 */
public final class WireClient {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final Duration requestTimeout;
    private final WireListener listener;

    public WireClient(Duration connectTimeout, Duration requestTimeout, WireListener listener) {
        this(HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), requestTimeout, listener);
    }

    private WireClient(HttpClient http, Duration requestTimeout, WireListener listener) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.listener = listener;
    }

    /** The same client (connections, timeouts, listener) that also tells {@code extra} about every exchange. */
    public WireClient withListener(WireListener extra) {
        return new WireClient(http, requestTimeout, listener.andThen(extra));
    }

    public static WireClient withDefaults() {
        return new WireClient(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, WireListener.NONE);
    }

    /**
     * Sends one request and reads the whole body. Any HTTP status is returned, not thrown; a listener may
     * refuse the request before it is sent (a spent rate budget).
     */
    public WireResponse send(Platform platform, HttpRequest.Builder request) {
        listener.sending(platform);
        long started = System.nanoTime();
        int status = 0;
        try {
            HttpResponse<byte[]> response = http.send(
                    request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            return new WireResponse(status, response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw new ConnectorException.Timeout(
                    Details.of(platform, platform.displayName() + " did not answer in time: " + e.getMessage()), e);
        } catch (IOException e) {
            throw new ConnectorException.Transient(Details.of(platform,
                    "network failure talking to " + platform.displayName() + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage())), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.Timeout(
                    Details.of(platform, "interrupted while waiting for " + platform.displayName()), e);
        } finally {
            listener.exchanged(platform, status, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
