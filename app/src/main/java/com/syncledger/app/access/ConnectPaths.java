package com.syncledger.app.access;

import java.util.regex.Pattern;

/**
 * The paths of connecting a platform: {@code /connect/{platform}} starts an authorization and needs the write
 * role, from an API key or a signed-in console session; {@code /connect/{platform}/callback} is where the platform
 * sends the browser back, with no key and (its cookie being SameSite=Strict) no session: its signed, single-use
 * state is what authorizes it. Any plain segment counts as a platform here, so an unknown one gets the same door
 * and then a clear error.
 */
public final class ConnectPaths {

    private static final Pattern START = Pattern.compile("/connect/[A-Za-z0-9_-]{1,40}/?");
    private static final Pattern CALLBACK = Pattern.compile("/connect/[A-Za-z0-9_-]{1,40}/callback/?");

    private ConnectPaths() {
    }

    /** @param rawPath the request URI exactly as the client sent it, without the query string */
    public static boolean isStart(String rawPath) {
        return START.matcher(rawPath).matches();
    }

    /** @param rawPath the request URI exactly as the client sent it, without the query string */
    public static boolean isCallback(String rawPath) {
        return CALLBACK.matcher(rawPath).matches();
    }

    public static boolean isConnect(String rawPath) {
        return isStart(rawPath) || isCallback(rawPath);
    }
}
