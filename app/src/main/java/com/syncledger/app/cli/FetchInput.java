package com.syncledger.app.cli;

import com.syncledger.app.fetch.FetchRequest;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;
import java.util.List;

/**
 * The validated input of {@code ./syncledger fetch}. Everything is checked before any request is built, so
 * invalid input never reaches a platform.
 */
record FetchInput(DateRange range, List<AccountId> accounts) {

    /** Longer ranges are a mistake more often than a wish, and no platform keeps more than ~37 months. */
    static final int MAX_YEARS = 3;

    /**
     * @param todayUtc the current UTC date; no account's calendar is more than one day ahead of it
     * @throws IllegalArgumentException with a message for the user
     */
    static FetchInput parse(String from, String to, List<String> accounts, LocalDate todayUtc) {
        DateRange range = DateRange.parse(from, to);
        if (range.from().plusYears(MAX_YEARS).isBefore(range.to())) {
            throw new IllegalArgumentException("the range " + range + " is longer than " + MAX_YEARS
                    + " years; fetch it in parts");
        }
        // UTC+14 is the furthest ahead any account's calendar can be.
        LocalDate latest = todayUtc.plusDays(1);
        if (range.to().isAfter(latest)) {
            throw new IllegalArgumentException("--to " + range.to() + " has not begun in any time zone yet; "
                    + "no platform has spend for it");
        }
        return new FetchInput(range, accounts.stream().map(FetchInput::account).toList());
    }

    /** {@code PLATFORM=ID}, e.g. {@code meta=act_1234567890}. */
    static AccountId account(String option) {
        int eq = option.indexOf('=');
        if (eq <= 0 || eq == option.length() - 1) {
            throw new IllegalArgumentException("invalid --account '" + option + "': expected PLATFORM=ID, e.g. "
                    + "tiktok=7001234567890123456 (platforms: " + Platform.slugs() + ")");
        }
        Platform platform = Platform.fromSlug(option.substring(0, eq));
        return AccountId.of(platform, option.substring(eq + 1));
    }

    List<FetchRequest> requests() {
        return accounts.stream().map(account -> FetchRequest.of(account, range)).toList();
    }
}
