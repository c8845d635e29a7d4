package com.syncledger.connectors.contract;

import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.sandbox.FakePlatform;
import java.util.function.Consumer;

/**
 * One plausible reading of an UNSURE platform fact, played by a sandbox switch, and what the connector must do
 * under it: read exact numbers, or refuse loudly with an error of {@code refusedAs} naming the reason. Never a
 * shifted or zeroed day. A reading the answer cannot reveal at all is {@link #notObservable}: the suite plays
 * it so the report lists it, and checks only that the connector reads the platform's dates as sent.
 *
 * @param refusal text the refusal must contain; null when the numbers must be exact
 * @param refusedAs the kind of the loud refusal; null when the numbers must be exact
 * @param unobservable what the answer cannot show; null for a reading the connector can tell apart
 */
public record Reading(String name, Consumer<FakePlatform> onFake, String refusal, ErrorKind refusedAs,
        String unobservable) {

    /** The sandbox as it starts: the reading the connector was written for. */
    public static Reading asDocumented(String name) {
        return new Reading(name, fake -> { }, null, null, null);
    }

    public static <F extends FakePlatform> Reading exact(String name, Class<F> type, Consumer<F> onFake) {
        return new Reading(name, fake -> onFake.accept(type.cast(fake)), null, null, null);
    }

    /** Refused as a bad response whose message contains {@code reason}. */
    public static <F extends FakePlatform> Reading refused(String name, Class<F> type, Consumer<F> onFake,
            String reason) {
        return refused(name, type, onFake, ErrorKind.BAD_RESPONSE, reason);
    }

    /** Refused with an error of {@code kind} whose message contains {@code reason}. */
    public static <F extends FakePlatform> Reading refused(String name, Class<F> type, Consumer<F> onFake,
            ErrorKind kind, String reason) {
        return new Reading(name, fake -> onFake.accept(type.cast(fake)), reason, kind, null);
    }

    /**
     * A reading nothing in the platform's answer reveals: neither exact nor refusable. Listed so the report
     * shows it; the platform's docs say what it would do and how to check a real account.
     */
    public static <F extends FakePlatform> Reading notObservable(String name, Class<F> type, Consumer<F> onFake,
            String what) {
        return new Reading(name, fake -> onFake.accept(type.cast(fake)), null, null, what);
    }

    @Override
    public String toString() {
        if (unobservable != null) {
            return name + " -> not observable in the answer (" + unobservable + ")";
        }
        if (refusal == null) {
            return name + " -> exact";
        }
        String kind = refusedAs == ErrorKind.BAD_RESPONSE ? "" : refusedAs + ": ";
        return name + " -> refused loudly (" + kind + refusal + ")";
    }
}
