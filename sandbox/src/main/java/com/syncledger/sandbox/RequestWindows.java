package com.syncledger.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Requests a fake received, counted as a platform counts them against its limit: in sliding windows of the
 * limit's period. For tests and benchmarks that check the client stayed within a platform's limit.
 */
public final class RequestWindows {

    private RequestWindows() {
    }

    /** The most requests received within any window of {@code period} (arrival times, any order). */
    public static int maxInAnyWindow(List<RecordedRequest> requests, Duration period) {
        List<Instant> times = requests.stream().map(RecordedRequest::receivedAt).sorted().toList();
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (!times.get(start).plus(period).isAfter(times.get(end))) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    /**
     * How many requests a platform counting in sliding windows would have refused: each request that found
     * {@code limit} or more requests already received within the {@code period} before it.
     */
    public static int overLimit(List<RecordedRequest> requests, int limit, Duration period) {
        List<Instant> times = requests.stream().map(RecordedRequest::receivedAt).sorted().toList();
        int refused = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (!times.get(start).plus(period).isAfter(times.get(end))) {
                start++;
            }
            if (end - start >= limit) {
                refused++;
            }
        }
        return refused;
    }
}
