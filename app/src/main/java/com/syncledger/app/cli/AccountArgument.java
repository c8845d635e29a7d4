package com.syncledger.app.cli;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;

/** Parses the CLI's {@code PLATFORM=ID} account arguments. */
final class AccountArgument {

    private AccountArgument() {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    static AccountId parse(String argument) {
        int eq = argument.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("account '" + argument + "' must be PLATFORM=ID, e.g. google=123-456-7890");
        }
        return AccountId.of(Platform.fromSlug(argument.substring(0, eq)), argument.substring(eq + 1));
    }
}
