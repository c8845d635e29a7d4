package com.syncledger.connectors;

import com.syncledger.connectors.amazon.AmazonApiVersions;
import com.syncledger.connectors.google.GoogleAdsApiVersions;
import com.syncledger.connectors.linkedin.LinkedInApiVersions;
import com.syncledger.connectors.meta.MetaApiVersions;
import com.syncledger.connectors.microsoft.MicrosoftApiVersions;
import com.syncledger.connectors.pinterest.PinterestConnector;
import com.syncledger.connectors.reddit.RedditApiVersions;
import com.syncledger.connectors.snapchat.SnapchatConnector;
import com.syncledger.connectors.spi.ApiVersion;
import com.syncledger.connectors.spi.ApiVersionCalendar;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.tiktok.TikTokConnector;
import com.syncledger.connectors.wire.Env;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The API version calendar of every platform: the version each connector speaks (its {@code <P>_API_VERSION}
 * setting, or its default) and that version's published sunset, if any. Each platform's dates live in its own
 * package; see docs/connectors/&lt;platform&gt;.md for the sources.
 */
public final class ApiVersions {

    private static final Map<Platform, ApiVersionCalendar> CALENDARS = calendars(List.of(
            MetaApiVersions.CALENDAR,
            GoogleAdsApiVersions.CALENDAR,
            ApiVersionCalendar.nonePublished(Platform.TIKTOK, TikTokConnector.API_VERSION_VAR,
                    TikTokConnector.DEFAULT_API_VERSION, "no sunset date published for this version"),
            LinkedInApiVersions.CALENDAR,
            AmazonApiVersions.CALENDAR,
            MicrosoftApiVersions.CALENDAR,
            ApiVersionCalendar.nonePublished(Platform.SNAPCHAT, "SNAPCHAT_API_VERSION",
                    SnapchatConnector.DEFAULT_API_VERSION, "no fixed deprecation cadence or date published"),
            ApiVersionCalendar.nonePublished(Platform.PINTEREST, "PINTEREST_API_VERSION",
                    PinterestConnector.DEFAULT_API_VERSION, "no sunset date published for this version"),
            RedditApiVersions.CALENDAR));

    private ApiVersions() {
    }

    public static ApiVersionCalendar calendar(Platform platform) {
        return CALENDARS.get(platform);
    }

    /** The version {@code env} configures for {@code platform}, or its default, with its sunset if published. */
    public static ApiVersion configured(Platform platform, Env env) {
        ApiVersionCalendar calendar = calendar(platform);
        return calendar.version(env.get(calendar.variable()).orElse(null));
    }

    private static Map<Platform, ApiVersionCalendar> calendars(List<ApiVersionCalendar> calendars) {
        Map<Platform, ApiVersionCalendar> map = new EnumMap<>(Platform.class);
        calendars.forEach(c -> map.put(c.platform(), c));
        if (map.size() != Platform.values().length) {
            throw new IllegalStateException("every platform needs an API version calendar");
        }
        return map;
    }
}
