package com.syncledger.app.ledger;

/** What a write did to each (account, day): first value, changed value, or the same value again. */
public record WriteCounts(int newDays, int restatedDays, int unchangedDays) {

    public static final WriteCounts NONE = new WriteCounts(0, 0, 0);

    public WriteCounts plus(WriteCounts other) {
        return new WriteCounts(newDays + other.newDays, restatedDays + other.restatedDays,
                unchangedDays + other.unchangedDays);
    }
}
