package com.syncledger.app.views;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.ApiVersion;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What {@code platforms --json} prints and {@code GET /platforms} answers: each of the nine platforms, whether its
 * credentials are configured, the API version its connector speaks with the version's published sunset, and,
 * with {@code --check}, what one cheap authenticated call said.
 */
public record PlatformsView(List<PlatformView> platforms, int configured, int total) {

    /** The nine platforms configured from {@code env}, each with its check when {@code checks} has one. */
    public static PlatformsView of(Env env, LocalDate today, Map<Platform, CheckView> checks) {
        List<PlatformView> platforms = Arrays.stream(Platform.values())
                .map(p -> PlatformView.of(p, env, today, checks.get(p))).toList();
        return new PlatformsView(platforms, (int) platforms.stream().filter(PlatformView::configured).count(),
                platforms.size());
    }

    /**
     * {@code check} is null unless a check was asked for.
     *
     * @param apiVersion the version the connector speaks ({@code <P>_API_VERSION} or its default)
     * @param apiSunset  the day the platform stops serving that version (ISO date); null when none is published
     * @param warning    set when the sunset is at most 90 days away or past
     */
    public record PlatformView(String platform, String name, boolean configured, CheckView check, String apiVersion,
            String apiSunset, String warning) {

        public static PlatformView of(Platform platform, Env env, LocalDate today, CheckView check) {
            ApiVersion version = Connectors.factory(platform).apiVersion(env);
            return new PlatformView(platform.slug(), platform.displayName(), PlatformCredentials.configured(platform, env),
                    check, version.version(), version.sunset().map(LocalDate::toString).orElse(null),
                    version.warning(today).orElse(null));
        }
    }

    /** {@code status}: {@code ok}, {@code not_configured}, {@code unchecked} (see {@code note}) or {@code failed}. */
    public record CheckView(String status, String note, String errorKind, String errorMessage, String platformCode,
            String requestId) {
    }
}
