package com.syncledger.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One request a fake server answered, with its answer: what a benchmark replays to send exactly the requests a
 * fetch sent, ids learned from earlier answers included.
 *
 * @param sequence the order in which the requests arrived, across every fake server of the process
 * @param server   the base URL of the server that answered
 */
public record RecordedExchange(long sequence, URI server, RecordedRequest request, int status, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
