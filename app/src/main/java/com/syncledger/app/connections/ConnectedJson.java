package com.syncledger.app.connections;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection just made as JSON, the same for the callback's {@code Accept: application/json} answer and
 * {@code connections complete --json}. No token, ever: {@link Connection} holds none.
 */
public final class ConnectedJson {

    private ConnectedJson() {
    }

    public static Map<String, Object> of(Connected connected) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connection", connection(connected.connection()));
        body.put("accounts", connected.accounts().stream().map(account -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("platform", account.id().platform().slug());
            row.put("accountId", account.id().value());
            row.put("name", account.name());
            return row;
        }).toList());
        body.put("storeId", connected.storeId().orElse(null));
        return body;
    }

    public static Map<String, Object> connection(Connection c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("platform", c.platform().slug());
        body.put("label", c.label());
        body.put("status", c.status().wire());
        body.put("accountIds", c.accountIds());
        body.put("scopes", c.scopes());
        body.put("issuedAt", c.issuedAt().toString());
        body.put("accessExpiresAt", c.accessExpiresAt().map(Instant::toString).orElse(null));
        body.put("refreshExpiresAt", c.refreshExpiresAt().map(Instant::toString).orElse(null));
        return body;
    }
}
