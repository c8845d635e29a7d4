package com.syncledger.app.fetch;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * Where the request budgets of platform credentials keep their state: this process's memory (no database, or
 * tests), or the ledger's PostgreSQL, shared by every process that sends requests with the credential.
 */
interface BudgetStore {

    /** Budgets only this process takes from. */
    BudgetStore IN_MEMORY = new BudgetStore() {
        @Override
        public Bucket bucket(String credential, BucketConfiguration configuration) {
            var builder = Bucket.builder();
            for (var bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        }

        @Override
        public ThrottlePause pause(String credential) {
            return ThrottlePause.inMemory();
        }

        @Override
        public String toString() {
            return "in-memory";
        }
    };

    /**
     * The period over which the budget refills what one period of the limit allows beyond its burst: the
     * limit's own period, or longer where requests sent in time may arrive bunched (see {@link SharedBudgetStore}).
     */
    default Duration refillPeriod(Duration period) {
        return period;
    }

    /** The bucket of {@code credential} (a platform and a digest of its credentials), made on first use. */
    Bucket bucket(String credential, BucketConfiguration configuration);

    /** The platform's "slow down" signal for {@code credential}. */
    ThrottlePause pause(String credential);
}
