package com.syncledger.app.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a form post comes from one of the console's own pages: its {@code Origin} header (or, when a
 * browser sends none, its {@code Referer}) must name this server's own scheme, host and port. A post with
 * neither is refused: every browser the console supports sends {@code Origin} with a form post.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean check(HttpServletRequest request) {
        String own = origin(request.getScheme(), request.getServerName(), request.getServerPort());
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            return own.equals(normalise(origin));
        }
        String referer = request.getHeader("Referer");
        return referer != null && own.equals(normalise(referer));
    }

    private static String normalise(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int effectivePort = port > 0 ? port : s.equals("https") ? 443 : 80;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return s + "://" + h + ":" + effectivePort;
    }
}
