package com.syncledger.app.sync;

/** Told how many account-days a sync will read and how many it has read, e.g. for a progress bar. */
public interface SyncProgress {

    SyncProgress NONE = new SyncProgress() {
        @Override
        public void planned(int days) {
        }

        @Override
        public void done(int days) {
        }
    };

    /** {@code days} more account-days are planned (called once per account, as its range is known). */
    void planned(int days);

    /** {@code days} more account-days were fetched and stored. */
    void done(int days);
}
