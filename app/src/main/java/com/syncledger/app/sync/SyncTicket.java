package com.syncledger.app.sync;

import com.syncledger.app.ledger.AdAccount;

/**
 * An accepted request to sync one linked account: the task that will run it, and whether the request joined a
 * task already waiting for the same account and range ({@code coalesced}) instead of adding one. The task's
 * run is found by its id in the account's sync runs.
 */
public record SyncTicket(AdAccount account, String task, boolean coalesced) {
}
