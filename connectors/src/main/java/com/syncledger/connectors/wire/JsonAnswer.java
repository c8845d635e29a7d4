package com.syncledger.connectors.wire;

import tools.jackson.databind.JsonNode;

/** A successful answer read as JSON, with the platform's request id (null when none was sent). */
public record JsonAnswer(JsonNode body, String requestId, WireResponse response) {
}
