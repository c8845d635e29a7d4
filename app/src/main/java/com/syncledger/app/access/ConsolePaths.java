package com.syncledger.app.access;

import java.util.regex.Pattern;

/**
 * The paths of the web console: the overview at {@code /}, its pages under {@code /console/} and the
 * WebJars it loads. They are guarded by the console's own sign-in session, not by the API key check; the
 * API itself keeps requiring {@code Authorization: Bearer}, so a console session opens no API endpoint.
 */
public final class ConsolePaths {

    public static final String OVERVIEW = "/";
    public static final String SIGN_IN = "/console/sign-in";
    public static final String ASSETS = "/console/assets/";
    public static final String WEBJARS = "/webjars/";

    /** Plain paths only, as for the public paths: no dot segments, encoded characters or path parameters. */
    private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+/?");

    private ConsolePaths() {
    }

    /** @param rawPath the request URI exactly as the client sent it, without the query string */
    public static boolean isConsole(String rawPath) {
        if (OVERVIEW.equals(rawPath)) {
            return true;
        }
        return PLAIN_PATH.matcher(rawPath).matches() && !rawPath.contains("..")
                && (rawPath.startsWith("/console/") || rawPath.startsWith(WEBJARS));
    }

    /** Static files: the console's stylesheet and script, and the charting library. No data, no session needed. */
    public static boolean isStaticAsset(String rawPath) {
        return isConsole(rawPath) && (rawPath.startsWith(ASSETS) || rawPath.startsWith(WEBJARS));
    }
}
