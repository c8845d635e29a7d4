package com.syncledger.app.billing;

import com.syncledger.app.ledger.WriteAudit;
import tools.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only trail of every billing write: who (an API key's fingerprint, or {@code cli}), what and
 * when. Written in the same transaction as the change it describes, so neither exists without the other.
 */
@Component
public class BillingAudit implements WriteAudit {

    /** One recorded write. {@code details} is the JSON object of what was written. */
    public record Event(long id, Instant at, String actor, String action, Long storeId, String details) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public BillingAudit(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(String actor, String action, Long storeId, Map<String, ?> details) {
        String detailsJson = json.writeValueAsString(details);
        jdbc.sql("insert into billing_audit (actor, action, store_id, details) values (?, ?, ?, ?::jsonb)")
                .params(actor, action, storeId, detailsJson).update();
    }

    /** Newest first; {@code storeId} null for every store. */
    public List<Event> list(Long storeId, int offset, int limit) {
        return jdbc.sql("""
                select id, at, actor, action, store_id, details::text as details from billing_audit
                where (?::bigint is null or store_id = ?) order by id desc offset ? limit ?""")
                .params(storeId, storeId, offset, limit)
                .query((rs, row) -> new Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"),
                        rs.getObject("store_id") == null ? null : rs.getLong("store_id"), rs.getString("details")))
                .list();
    }
}
