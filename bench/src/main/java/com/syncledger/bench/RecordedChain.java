package com.syncledger.bench;

import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.RecordedExchange;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.Sandbox;
import com.syncledger.sandbox.amazon.AmazonAdsFake;
import com.syncledger.sandbox.microsoft.MicrosoftFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The requests one account's fetch sent, in order, with the answers the sandbox gave, so that a bare HTTP loop
 * can send the same requests again in the same order. Ids that an answer hands to a later request (a report id
 * to poll, a download link with its signature) are new on every run: the replay reads them from its own answers
 * by comparing each answer with the recorded one token by token, and puts them into the later requests.
 *
 * <p>It also waits where the fetch had to wait: Amazon's report run sleeps before each round of polls (the
 * configured interval, doubling), which is part of the platform's protocol, not of the engine's cost, so the replay
 * sleeps as long before the same polls ({@code amazonPolls}: whether each exchange is a poll of an Amazon report).
 */
record RecordedChain(List<RecordedExchange> exchanges, List<Boolean> amazonPolls) {

    /** An Amazon report's status, polled with {@code GET /reporting/reports/{id}}. */
    private static final Pattern AMAZON_POLL = Pattern.compile("/reporting/reports/[^/]+");
    /** The longest wait between Amazon poll rounds, as the connector caps it. */
    private static final Duration MAX_POLL_WAIT = Duration.ofMinutes(1);

    /** Headers the HTTP client sets itself. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "http2-settings");
    /** Splits an answer into the parts an id can be made of. */
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9_.%\\-]+");
    /** Shorter tokens (counts, statuses, small numbers) would be replaced where they are not ids. */
    private static final int MIN_ID_LENGTH = 8;

    /** Every exchange the fakes recorded, Microsoft's report downloads included, in the order they were answered. */
    static RecordedChain of(Sandbox sandbox) {
        List<RecordedExchange> all = new ArrayList<>();
        Set<URI> amazon = new HashSet<>();
        for (FakePlatform fake : sandbox.fakes().values()) {
            all.addAll(fake.exchanges());
            if (fake instanceof MicrosoftFake microsoft) {
                all.addAll(microsoft.downloadExchanges());
            }
            if (fake instanceof AmazonAdsFake) {
                amazon.add(fake.baseUrl());
            }
        }
        all.sort(Comparator.comparingLong(RecordedExchange::sequence));
        List<Boolean> polls = all.stream().map(e -> amazon.contains(e.server()) && e.request().method().equals("GET")
                && AMAZON_POLL.matcher(e.request().path()).matches()).toList();
        return new RecordedChain(List.copyOf(all), polls);
    }

    private static String target(RecordedRequest r) {
        return r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery());
    }

    int size() {
        return exchanges.size();
    }

    /**
     * Sends every request of the chain once, in order, each after the answer to the one before, waiting before
     * each round of Amazon polls as the connector does: {@code amazonPollInterval} before the first, twice the wait
     * before each next. A round starts at the first poll and again at a report polled a second time since.
     *
     * @throws IllegalStateException when an answer's status differs from the recorded one: the replay diverged
     */
    void replay(HttpClient http, Duration amazonPollInterval) throws Exception {
        Map<String, String> learned = new HashMap<>();
        Set<String> polledThisRound = new HashSet<>();
        Duration wait = amazonPollInterval;
        boolean polled = false;
        for (int i = 0; i < exchanges.size(); i++) {
            RecordedExchange recorded = exchanges.get(i);
            if (amazonPolls.get(i)) {
                String report = recorded.request().path();
                if (!polled || polledThisRound.contains(report)) {
                    Thread.sleep(wait);
                    wait = wait.multipliedBy(2).compareTo(MAX_POLL_WAIT) > 0 ? MAX_POLL_WAIT : wait.multipliedBy(2);
                    polledThisRound.clear();
                }
                polled = true;
                polledThisRound.add(report);
            }
            HttpResponse<byte[]> answer = http.send(request(recorded, learned), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != recorded.status()) {
                throw new IllegalStateException("replay diverged: " + recorded.request().method() + " "
                        + recorded.request().path() + " answered " + answer.statusCode() + ", recorded " + recorded.status());
            }
            learn(recorded.body(), answer.body(), learned);
        }
    }

    private static HttpRequest request(RecordedExchange recorded, Map<String, String> learned) {
        RecordedRequest r = recorded.request();
        String target = substitute(target(r), learned);
        String body = substitute(r.body(), learned);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(recorded.server() + target))
                .method(r.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        r.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return request.build();
    }

    /** Longest ids first: a report id can be part of a longer token of its download link. */
    private static String substitute(String text, Map<String, String> learned) {
        String result = text;
        for (String id : learned.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = result.replace(id, learned.get(id));
        }
        return result;
    }

    /** Where the new answer differs from the recorded one in a long token, that token is an id to carry on. */
    private static void learn(byte[] recorded, byte[] answered, Map<String, String> learned) {
        if (isBinary(recorded) || isBinary(answered)) {
            return;
        }
        String[] before = SEPARATORS.split(new String(recorded, StandardCharsets.UTF_8));
        String[] after = SEPARATORS.split(new String(answered, StandardCharsets.UTF_8));
        if (before.length != after.length) {
            return;
        }
        for (int i = 0; i < before.length; i++) {
            if (!before[i].equals(after[i]) && before[i].length() >= MIN_ID_LENGTH) {
                learned.put(before[i], after[i]);
            }
        }
    }

    private static boolean isBinary(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
