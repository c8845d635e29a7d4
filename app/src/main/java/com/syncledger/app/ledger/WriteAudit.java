package com.syncledger.app.ledger;

import java.util.Map;

/**
 * The trail entry writes leave: who wrote what, and when, written in the same transaction as the write. Owned
 * here because entry writes must leave it; kept by billing's audit trail (so the ledger never depends on billing).
 */
public interface WriteAudit {

    /** @param details what was written, as a JSON object */
    void record(String actor, String action, Long storeId, Map<String, ?> details);
}
