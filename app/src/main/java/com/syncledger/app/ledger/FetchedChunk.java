package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.SpendReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One request's days as fetched, and when: what {@link SpendWriter} writes, one or several at a time. */
public record FetchedChunk(SpendReport report, Instant fetchedAt) {

    public FetchedChunk {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** The platform's request ids of the chunk, comma-separated as the ledger keeps them; null when it has none. */
    String requestIds() {
        return report.requestIds().isEmpty() ? null : String.join(",", report.requestIds());
    }

    /** Chunks written together must not share a day: a day is one value of one write. */
    static void requireDisjoint(List<FetchedChunk> chunks) {
        for (int i = 0; i < chunks.size(); i++) {
            for (int j = i + 1; j < chunks.size(); j++) {
                DateRange one = chunks.get(i).report().range();
                DateRange other = chunks.get(j).report().range();
                if (!one.to().isBefore(other.from()) && !other.to().isBefore(one.from())) {
                    throw new IllegalArgumentException("chunks written together overlap: " + one + " and " + other);
                }
            }
        }
    }
}
