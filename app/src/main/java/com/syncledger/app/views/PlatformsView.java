package com.syncledger.app.views;

import java.util.List;

/**
 * What {@code platforms --json} prints: each of the nine platforms, whether its credentials are configured,
 * and, with {@code --check}, what one cheap authenticated call said.
 */
public record PlatformsView(List<PlatformView> platforms, int configured, int total) {

    /** {@code check} is null unless a check was asked for. */
    public record PlatformView(String platform, String name, boolean configured, CheckView check) {
    }

    /** {@code status}: {@code ok}, {@code not_configured}, {@code unchecked} (see {@code note}) or {@code failed}. */
    public record CheckView(String status, String note, String errorKind, String errorMessage, String platformCode,
            String requestId) {
    }
}
