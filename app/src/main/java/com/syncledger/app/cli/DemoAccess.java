package com.syncledger.app.cli;

import com.syncledger.app.access.NewApiKey;
import java.io.PrintWriter;

/** How to call the demo's API: its key, generated for this run only, and a few requests to try. */
final class DemoAccess {

    private DemoAccess() {
    }

    static void print(NewApiKey key, String baseUrl, PrintWriter out) {
        String auth = "-H \"Authorization: Bearer " + key.key() + "\" ";
        out.println("API key for this demo run (" + key.role().slug() + "; a new one every run):");
        out.println("  " + key.key());
        out.println();
        out.println("Try:");
        out.println("  curl " + baseUrl + "/healthz");
        out.println("  curl " + auth + baseUrl + "/stores");
        out.println("  curl " + auth + "-H 'Content-Type: application/json' -d '{\"name\": \"Northwind\", "
                + "\"timeZone\": \"America/New_York\", \"billingCurrency\": \"USD\"}' " + baseUrl + "/stores");
        out.println("  curl " + auth + baseUrl + "/actuator/prometheus");
        out.println("  Swagger UI: " + baseUrl + "/swagger-ui.html (Authorize with the key)");
    }
}
