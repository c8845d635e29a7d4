package com.syncledger.connectors.contract;

import com.syncledger.sandbox.FakePlatform;
import java.util.function.Consumer;

/**
 * One plausible reading of an UNSURE platform fact, played by a sandbox switch, and what the connector must do
 * under it: read exact numbers, or refuse loudly with a bad response naming the reason. Never a shifted or
 * zeroed day.
 *
 * @param refusal text the refusal must contain; null when the numbers must be exact
 */
public record Reading(String name, Consumer<FakePlatform> onFake, String refusal) {

    /** The sandbox as it starts: the reading the connector was written for. */
    public static Reading asDocumented(String name) {
        return new Reading(name, fake -> { }, null);
    }

    public static <F extends FakePlatform> Reading exact(String name, Class<F> type, Consumer<F> onFake) {
        return new Reading(name, fake -> onFake.accept(type.cast(fake)), null);
    }

    public static <F extends FakePlatform> Reading refused(String name, Class<F> type, Consumer<F> onFake,
            String reason) {
        return new Reading(name, fake -> onFake.accept(type.cast(fake)), reason);
    }

    @Override
    public String toString() {
        return name + " -> " + (refusal == null ? "exact" : "refused loudly (" + refusal + ")");
    }
}
