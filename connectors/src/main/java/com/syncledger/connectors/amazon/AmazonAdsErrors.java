package com.syncledger.connectors.amazon;

import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.RetryAfter;
import com.syncledger.connectors.wire.WireResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The one place that turns Amazon Ads answers into {@link ConnectorException}s. Two body styles coexist:
 * reporting v3 {@code {"code":"400","detail":"..."}} and the older {@code {"code":"401","details":"...",
 * "requestId":"..."}}; the gateway may also send {@code {"message":"..."}}. Report downloads come from S3,
 * which answers with its own XML errors.
 */
final class AmazonAdsErrors implements ErrorTranslator {

    private static final Platform AMAZON = Platform.AMAZON;
    private static final int MAX_MESSAGE = 300;
    private static final Pattern DUPLICATE_OF = Pattern.compile("duplicate of\\s*:\\s*([A-Za-z0-9-]+)");
    // Profiles without a product (KDP authors have no Sponsored Brands, some marketplaces no Sponsored
    // Display) are refused with these texts; that product then has no spend to report.
    private static final Pattern PRODUCT_UNAVAILABLE = Pattern.compile(
            "do not have access to|is not supported for report API", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCOPE_REFUSED = Pattern.compile("not authorized to access scope", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");


    /** Amazon's request id: the {@code x-amzn-RequestId} header, else {@code x-amz-rid}, else the body's. */
    @Override
    public String requestId(WireResponse response) {
        String header = response.firstHeader("x-amzn-RequestId", "x-amz-rid", "x-amz-request-id");
        if (header != null) {
            return header;
        }
        JsonNode body = bodyOrNull(response);
        return Json.text(body, "requestId");
    }

    /** The failure an Amazon Ads API answer that is not a success stands for. */
    @Override
    public ConnectorException translate(WireResponse response) {
        JsonNode body = bodyOrNull(response);
        String code = Json.text(body, "code");
        String message = message(body);
        int status = response.status();
        Details details = new Details(AMAZON, status, code, requestId(response),
                "Amazon Ads answered http " + status + Json.said(message));
        return switch (status) {
            case 401 -> message != null && SCOPE_REFUSED.matcher(message).find()
                    ? new ConnectorException.Permission(details)
                    : new ConnectorException.Auth(details);
            // A duplicate whose original we cannot name: once that one finishes, the request goes through.
            case 425 -> new ConnectorException.Transient(details);
            default -> ErrorTranslator.byStatus(details, response);
        };
    }

    /** The id of the in-flight report a 425 answer says this request duplicates. */
    static Optional<String> duplicateOf(WireResponse response) {
        String message = message(bodyOrNull(response));
        if (response.status() != 425 || message == null) {
            return Optional.empty();
        }
        Matcher m = DUPLICATE_OF.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether Amazon refused a report because the profile does not have the ad product at all. */
    static boolean productUnavailable(WireResponse response) {
        String message = message(bodyOrNull(response));
        return response.status() == 400 && message != null && PRODUCT_UNAVAILABLE.matcher(message).find();
    }

    /** The failure a report download from the pre-signed S3 URL stands for. */
    static ConnectorException downloadError(WireResponse response) {
        String xml = response.bodyText();
        String code = first(XML_CODE, xml);
        String message = first(XML_MESSAGE, xml);
        int status = response.status();
        Details details = new Details(AMAZON, status, code, response.firstHeader("x-amz-request-id"),
                "Amazon Ads report download answered http " + status + (code == null ? "" : " " + code)
                        + (message == null ? "" : ": " + printable(message)));
        if ("SlowDown".equals(code)) {
            return new ConnectorException.RateLimited(details, RetryAfter.parse(response));
        }
        return switch (status) {
            // An expired or altered pre-signed URL: the next attempt polls the report again for a fresh one.
            case 403 -> new ConnectorException.Transient(details);
            case 404 -> new ConnectorException.NotFound(details);
            default -> {
                if (status >= 500) {
                    yield new ConnectorException.Transient(details);
                }
                if (status >= 400) {
                    yield new ConnectorException.InvalidRequest(details);
                }
                yield new ConnectorException.BadResponse(details);
            }
        };
    }

    private static String message(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        for (String field : new String[] {"detail", "details", "message"}) {
            String text = Json.text(body, field);
            if (text != null && !text.isBlank()) {
                return printable(text);
            }
        }
        return null;
    }

    private static JsonNode bodyOrNull(WireResponse response) {
        if (response.body() == null || response.body().length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** One readable line of bounded length, whatever the server sent. */
    private static String printable(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ").trim();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }
}
