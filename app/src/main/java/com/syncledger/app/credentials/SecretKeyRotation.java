package com.syncledger.app.credentials;

import com.syncledger.app.credentials.SealedTokenTable.SealedRow;
import com.syncledger.app.credentials.SealedTokenTable.SealedValue;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every stored token under the current key ({@code SYNCLEDGER_SECRET_KEY}) that is still under the
 * previous one ({@code SYNCLEDGER_SECRET_KEY_PREVIOUS}), in one transaction: a rotation that is interrupted
 * leaves everything as it was, and running it again completes it. Rows already under the current key are left
 * alone, so a second run re-seals nothing. The rows are locked until the end, so a service storing a token
 * meanwhile waits for the rotation rather than being overwritten by it.
 */
@Component
public class SecretKeyRotation {

    private final Env env;
    private final List<SealedTokenTable> tables;
    private final TransactionTemplate transaction;

    public SecretKeyRotation(Env env, List<SealedTokenTable> tables, PlatformTransactionManager transactions) {
        this.env = env;
        this.tables = List.copyOf(tables);
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * How a rotation runs.
     *
     * @param batchSize values re-sealed between two progress lines
     * @param pause     time to wait after each batch, to spread the rotation's load on a busy database
     */
    public record Pace(int batchSize, Duration pause) {

        public static final Pace DEFAULT = new Pace(500, Duration.ZERO);

        public Pace {
            if (batchSize < 1) {
                throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
            }
            if (pause.isNegative()) {
                throw new IllegalArgumentException("the pause between batches must not be negative");
            }
        }
    }

    /**
     * Re-seals what is not under the current key and commits once.
     *
     * @param progress receives a line before the work and after each batch (before the commit)
     * @return how many values were re-sealed
     * @throws IllegalArgumentException when the keys are missing, malformed or the same
     * @throws IllegalStateException    when a stored value opens with neither key: nothing is changed
     */
    public int rotate(Pace pace, Consumer<String> progress) {
        SealingKeys keys = SealingKeys.fromEnv(env).orElseThrow(() -> new IllegalArgumentException(
                "set the new key in " + SealingKeys.KEY_VARIABLE + " (openssl rand -base64 32) and the key being "
                        + "replaced in " + SealingKeys.PREVIOUS_KEY_VARIABLE));
        String previous = keys.previousKeyId().orElseThrow(() -> new IllegalArgumentException(
                "set the key being replaced in " + SealingKeys.PREVIOUS_KEY_VARIABLE + " (and the new one in "
                        + SealingKeys.KEY_VARIABLE + ")"));
        if (keys.isCurrent(previous)) {
            throw new IllegalArgumentException(SealingKeys.PREVIOUS_KEY_VARIABLE + " is the same key as "
                    + SealingKeys.KEY_VARIABLE + "; set a new key in " + SealingKeys.KEY_VARIABLE);
        }
        Integer resealed = transaction.execute(tx -> resealAll(keys, pace, progress));
        return resealed == null ? 0 : resealed;
    }

    private int resealAll(SealingKeys keys, Pace pace, Consumer<String> progress) {
        String current = keys.currentKeyId();
        List<Pending> pending = new ArrayList<>();
        for (SealedTokenTable table : tables) {
            table.rowsNotUnder(current).forEach(row -> pending.add(new Pending(table, row)));
        }
        int total = pending.stream().mapToInt(p -> p.row().values().size()).sum();
        progress.accept(String.format("Re-sealing %,d stored token values under key %s in one transaction.", total,
                current));
        int done = 0;
        int sinceLastLine = 0;
        for (Pending each : pending) {
            List<byte[]> resealed = new ArrayList<>();
            for (SealedValue value : each.row().values()) {
                String plain = keys.open(value.sealed(), value.associatedData(), each.row().keyId());
                resealed.add(keys.seal(plain, value.associatedData()));
            }
            each.table().store(each.row(), resealed, current);
            done += resealed.size();
            sinceLastLine += resealed.size();
            if (sinceLastLine >= pace.batchSize() && done < total) {
                progress.accept(String.format("  %,d of %,d re-sealed (not committed yet)", done, total));
                sinceLastLine = 0;
                pause(pace.pause());
            }
        }
        return done;
    }

    private static void pause(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the key rotation was interrupted; nothing was changed");
        }
    }

    private record Pending(SealedTokenTable table, SealedRow row) {
    }

    @Override
    public String toString() {
        return "SecretKeyRotation[" + tables.size() + " tables]";
    }
}
