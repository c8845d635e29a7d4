package com.syncledger.connectors.wire;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A refresh token kept where every process that uses the credential finds it (the service's database).
 * Handed to a refresher as its rotation callback, it is also read before every refresh: a platform that
 * rotates its refresh token (Microsoft, Pinterest, Reddit) stops accepting the old one, so a process must
 * refresh with the newest token whoever rotated it, never with the one it holds in memory. A store shared by
 * several processes also makes a refresh {@linkplain #exclusively exclusive}: two processes reading the same
 * token and both sending it would leave one of them refused.
 */
public interface SharedRefreshToken extends Consumer<Secret> {

    /** The newest refresh token kept for this credential, or empty when none is kept. */
    Optional<Secret> latest();

    /**
     * Runs {@code refresh} (read the newest kept token, exchange it, keep the one it rotated to) while no other
     * process refreshes this credential. By default it just runs it: where nothing is shared, the refresher's
     * own lock is enough.
     */
    default <T> T exclusively(Supplier<T> refresh) {
        return refresh.get();
    }

    /** Keeps {@code rotated} tokens through {@code keep} and reads the newest through {@code latest}. */
    static SharedRefreshToken of(Consumer<Secret> keep, Supplier<Optional<Secret>> latest) {
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(latest, "latest");
        return new SharedRefreshToken() {
            @Override
            public Optional<Secret> latest() {
                return latest.get();
            }

            @Override
            public void accept(Secret rotated) {
                keep.accept(rotated);
            }
        };
    }
}
