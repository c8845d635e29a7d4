package com.syncledger.app.cli;

import com.syncledger.app.access.NewApiKey;
import java.io.PrintWriter;

/** How to call the demo's API: its key, generated for this run only, and curl lines that send it. */
record DemoAccess(NewApiKey key, String baseUrl) {

    void printKey(PrintWriter out) {
        out.println("API key for this demo run (" + key.role().slug() + "; a new one every run):");
        out.println("  " + key.key());
    }

    /** A curl command line for {@code pathAndQuery} with the key. */
    String curl(String pathAndQuery) {
        return "curl -H 'Authorization: Bearer " + key.key() + "' '" + baseUrl + pathAndQuery + "'";
    }
}
