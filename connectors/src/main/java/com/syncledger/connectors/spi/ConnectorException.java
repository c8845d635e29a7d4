package com.syncledger.connectors.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Every way a connector call can fail. Each carries the platform, the HTTP status (0 when none was
 * received), the platform's own error code and request id (null when absent) and whether retrying
 * may help. Connectors throw these and never retry themselves.
 */
public abstract sealed class ConnectorException extends RuntimeException {

    private final Platform platform;
    private final int httpStatus;
    private final String platformCode;
    private final String requestId;
    private final Duration retryAfter;

    private ConnectorException(Details d, Throwable cause) {
        this(d, null, cause);
    }

    private ConnectorException(Details d, Duration retryAfter, Throwable cause) {
        super(d.message(), cause);
        this.platform = d.platform();
        this.httpStatus = d.httpStatus();
        this.platformCode = d.platformCode();
        this.requestId = d.requestId();
        this.retryAfter = retryAfter;
    }

    /** What every connector error carries. {@code message} must never contain a secret. */
    public record Details(Platform platform, int httpStatus, String platformCode, String requestId, String message) {

        public static Details of(Platform platform, String message) {
            return new Details(platform, 0, null, null, message);
        }
    }

    public abstract ErrorKind kind();

    public boolean retryable() {
        return false;
    }

    /** The platform's own hint of when to try again, if it gave one (only rate-limited and transient errors). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Platform platform() {
        return platform;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String platformCode() {
        return platformCode;
    }

    public String requestId() {
        return requestId;
    }

    @Override
    public String toString() {
        return kind().slug() + " error from " + platform.slug() + " (http " + httpStatus + ", code " + platformCode
                + ", request " + requestId + "): " + getMessage();
    }

    /** Credentials missing, expired, revoked or wrong. */
    public static final class Auth extends ConnectorException {
        public Auth(Details d) { this(d, null); }
        public Auth(Details d, Throwable cause) { super(d, cause); }
        @Override public ErrorKind kind() { return ErrorKind.AUTH; }
    }

    /** Valid credentials without access to this account or operation. */
    public static final class Permission extends ConnectorException {
        public Permission(Details d) { super(d, null); }
        @Override public ErrorKind kind() { return ErrorKind.PERMISSION; }
    }

    /** The platform throttled us; {@link #retryAfter()} carries its hint when it sent one. */
    public static final class RateLimited extends ConnectorException {
        public RateLimited(Details d, Duration retryAfter) { super(d, retryAfter, null); }
        @Override public ErrorKind kind() { return ErrorKind.RATE_LIMITED; }
        @Override public boolean retryable() { return true; }
    }

    /** A server-side or network failure that may pass (5xx, connection reset, report job failed to start). */
    public static final class Transient extends ConnectorException {
        public Transient(Details d) { this(d, null, null); }
        public Transient(Details d, Duration retryAfter, Throwable cause) { super(d, retryAfter, cause); }
        @Override public ErrorKind kind() { return ErrorKind.TRANSIENT; }
        @Override public boolean retryable() { return true; }
    }

    /** No answer in time: a connect/read timeout or an async report that did not finish before its deadline. */
    public static final class Timeout extends ConnectorException {
        public Timeout(Details d, Throwable cause) { super(d, cause); }
        @Override public ErrorKind kind() { return ErrorKind.TIMEOUT; }
        @Override public boolean retryable() { return true; }
    }

    /** The platform rejected the request itself (bad id, range too long, sunset API version). */
    public static final class InvalidRequest extends ConnectorException {
        public InvalidRequest(Details d) { super(d, null); }
        @Override public ErrorKind kind() { return ErrorKind.INVALID_REQUEST; }
    }

    /** The account (or report) does not exist. */
    public static final class NotFound extends ConnectorException {
        public NotFound(Details d) { super(d, null); }
        @Override public ErrorKind kind() { return ErrorKind.NOT_FOUND; }
    }

    /** The platform answered with something we cannot read exactly; never turned into zero. */
    public static final class BadResponse extends ConnectorException {
        public BadResponse(Details d) { this(d, null); }
        public BadResponse(Details d, Throwable cause) { super(d, cause); }
        @Override public ErrorKind kind() { return ErrorKind.BAD_RESPONSE; }
    }
}
