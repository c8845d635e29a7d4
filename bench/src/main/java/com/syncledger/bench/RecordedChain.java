package com.syncledger.bench;

import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.RecordedExchange;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.Sandbox;
import com.syncledger.sandbox.microsoft.MicrosoftFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 */
record RecordedChain(List<RecordedExchange> exchanges) {

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
        for (FakePlatform fake : sandbox.fakes().values()) {
            all.addAll(fake.exchanges());
            if (fake instanceof MicrosoftFake microsoft) {
                all.addAll(microsoft.downloadExchanges());
            }
        }
        all.sort(Comparator.comparingLong(RecordedExchange::sequence));
        return new RecordedChain(List.copyOf(all));
    }

    int size() {
        return exchanges.size();
    }

    /**
     * Sends every request of the chain once, in order, each after the answer to the one before.
     *
     * @throws IllegalStateException when an answer's status differs from the recorded one: the replay diverged
     */
    void replay(HttpClient http) throws Exception {
        Map<String, String> learned = new HashMap<>();
        for (RecordedExchange recorded : exchanges) {
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
        String target = substitute(r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery()), learned);
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
