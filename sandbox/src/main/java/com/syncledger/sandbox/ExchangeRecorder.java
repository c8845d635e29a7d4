package com.syncledger.sandbox;

import java.net.URI;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one fake server received, in arrival order, and, when asked, what it answered. Appending costs the same
 * however many requests are kept (a backfill sends hundreds of thousands); recording can be switched off where
 * nothing reads it, so a long run holds no memory for it.
 */
public final class ExchangeRecorder {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final Queue<RecordedExchange> exchanges = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requestsKept = new AtomicInteger();
    private volatile int keepAtMost = Integer.MAX_VALUE;
    private volatile boolean recordRequests = true;
    private volatile boolean recordAnswers;
    /**
     * Each request's place in the arrival order, until it is answered: a client may send its next request before
     * the server has recorded its answer to the one before, so the order is taken on arrival.
     */
    private final Map<RecordedRequest, Long> arrivals = Collections.synchronizedMap(new IdentityHashMap<>());

    public void received(RecordedRequest request) {
        if (recordAnswers) {
            arrivals.put(request, SEQUENCE.incrementAndGet());
        }
        if (recordRequests) {
            requests.add(request);
            if (requestsKept.incrementAndGet() > keepAtMost) {
                dropOldest();
            }
        }
    }

    /**
     * Keeps only the last {@code count} requests: a long-running sandbox (the demo syncs every few seconds to
     * minutes for as long as it runs) must not grow with every request it answers. Tests keep them all.
     */
    public void keepAtMost(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        keepAtMost = count;
        while (requestsKept.get() > count) {
            dropOldest();
        }
    }

    private void dropOldest() {
        if (requests.poll() != null) {
            requestsKept.decrementAndGet();
        }
    }

    public void answered(URI server, RecordedRequest request, int status, byte[] body) {
        Long arrival = arrivals.remove(request);
        if (recordAnswers) {
            exchanges.add(new RecordedExchange(arrival != null ? arrival : SEQUENCE.incrementAndGet(), server, request,
                    status, body));
        }
    }

    /** Whether requests are kept (on by default). */
    public void recordRequests(boolean on) {
        recordRequests = on;
    }

    /** Whether answers are kept with their requests (off by default: bodies can be large). */
    public void recordAnswers(boolean on) {
        recordAnswers = on;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public void clear() {
        arrivals.clear();
        requests.clear();
        requestsKept.set(0);
        exchanges.clear();
    }
}
