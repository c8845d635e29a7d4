package com.syncledger.connectors.spi;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The nine ad platforms. The slug is stable: it appears in configuration, the CLI, URLs and metrics. */
public enum Platform {
    META("meta", "Meta"),
    GOOGLE("google", "Google Ads"),
    TIKTOK("tiktok", "TikTok"),
    LINKEDIN("linkedin", "LinkedIn"),
    AMAZON("amazon", "Amazon Ads"),
    MICROSOFT("microsoft", "Microsoft Advertising"),
    SNAPCHAT("snapchat", "Snapchat"),
    PINTEREST("pinterest", "Pinterest"),
    REDDIT("reddit", "Reddit");

    private final String slug;
    private final String displayName;

    Platform(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    /** @throws IllegalArgumentException naming the unknown slug and the valid ones */
    public static Platform fromSlug(String slug) {
        String wanted = slug == null ? "" : slug.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.slug.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown platform '" + slug + "'; expected one of: " + slugs()));
    }

    public static String slugs() {
        return Arrays.stream(values()).map(Platform::slug).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return slug;
    }
}
