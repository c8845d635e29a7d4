package com.syncledger.connectors.spi;

import java.util.regex.Pattern;

/**
 * An ad account on one platform. {@code value} is the canonical form the platform's API wants
 * (Google without dashes, Meta without {@code act_}, LinkedIn the bare number); {@code input} is what
 * the user wrote, kept so output can echo it.
 */
public record AccountId(Platform platform, String value, String input) {

    private static final Pattern DIGITS_1_20 = Pattern.compile("\\d{1,20}");
    private static final Pattern GOOGLE = Pattern.compile("\\d{3}-?\\d{3}-?\\d{4}");
    private static final Pattern META = Pattern.compile("(act_)?(\\d{1,20})");
    private static final Pattern LINKEDIN = Pattern.compile("(urn:li:sponsoredAccount:)?(\\d{1,19})");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PINTEREST = Pattern.compile("\\d{1,18}");
    // Reddit's exact charset and length are not documented: accept a2_/t2_ plus lowercase base-36.
    private static final Pattern REDDIT = Pattern.compile("(a2|t2)_[a-z0-9]{1,32}");

    public AccountId {
        if (platform == null || value == null || input == null) {
            throw new IllegalArgumentException("platform, value and input are required");
        }
    }

    /**
     * Validates {@code raw} for {@code platform} and returns its canonical form.
     *
     * @throws IllegalArgumentException naming the platform and the expected format
     */
    public static AccountId of(Platform platform, String raw) {
        String input = raw == null ? "" : raw.trim();
        String value = switch (platform) {
            case META -> group(META, input, 2);
            case GOOGLE -> GOOGLE.matcher(input).matches() ? input.replace("-", "") : null;
            case LINKEDIN -> group(LINKEDIN, input, 2);
            case TIKTOK, AMAZON, MICROSOFT -> DIGITS_1_20.matcher(input).matches() ? input : null;
            case SNAPCHAT -> UUID.matcher(input).matches() ? input.toLowerCase(java.util.Locale.ROOT) : null;
            case PINTEREST -> PINTEREST.matcher(input).matches() ? input : null;
            case REDDIT -> REDDIT.matcher(input).matches() ? input : null;
        };
        if (value == null) {
            throw new IllegalArgumentException("invalid " + platform.displayName() + " account id '" + printable(input)
                    + "': expected " + expectedFormat(platform));
        }
        return new AccountId(platform, value, input);
    }

    public static String expectedFormat(Platform platform) {
        return switch (platform) {
            case META -> "act_<digits> or <digits> (e.g. act_1234567890)";
            case GOOGLE -> "a 10-digit customer id, with or without dashes (e.g. 123-456-7890)";
            case TIKTOK -> "an advertiser id of up to 20 digits (e.g. 7001234567890123456)";
            case LINKEDIN -> "urn:li:sponsoredAccount:<digits> or <digits> (e.g. 512345678)";
            case AMAZON -> "a profile id of up to 20 digits (e.g. 3141592653589793)";
            case MICROSOFT -> "an account id of up to 20 digits (e.g. 149012345)";
            case SNAPCHAT -> "an ad account UUID (e.g. 7057e31f-b908-4bc7-85dd-88169f53e08d)";
            case PINTEREST -> "an ad account id of up to 18 digits (e.g. 547602124502)";
            case REDDIT -> "a2_<lowercase letters and digits> or t2_<...> (e.g. a2_abc123)";
        };
    }

    private static String group(Pattern pattern, String input, int group) {
        var m = pattern.matcher(input);
        return m.matches() ? m.group(group) : null;
    }

    /** Keeps error messages one readable line even for hostile input. */
    private static String printable(String input) {
        String cleaned = input.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
    }

    /**
     * The canonical id, for a connector of {@code expected}.
     *
     * @throws IllegalArgumentException when this is another platform's account (a caller's mistake)
     */
    public String valueOn(Platform expected) {
        if (platform != expected) {
            throw new IllegalArgumentException("not a " + expected.displayName() + " account: " + this);
        }
        return value;
    }

    @Override
    public String toString() {
        return platform.slug() + "=" + input;
    }
}
