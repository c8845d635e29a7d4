package com.syncledger.app.credentials;

import java.util.List;
import java.util.Objects;

/**
 * A table that keeps tokens sealed by {@link SealingKeys}, as the key rotation sees it: its rows not yet under the
 * current key, and how to store a row re-sealed. Both calls run inside the rotation's one transaction.
 */
public interface SealedTokenTable {

    /** The table's name, for progress lines. */
    String table();

    /** Every row holding a sealed value whose key id is not {@code keyId}, locked until the transaction ends. */
    List<SealedRow> rowsNotUnder(String keyId);

    /** Replaces the row's values with {@code resealed} (same order as {@link SealedRow#values}) under {@code keyId}. */
    void store(SealedRow row, List<byte[]> resealed, String keyId);

    /**
     * One row's sealed values, all under one key.
     *
     * @param id    the row's key in its table
     * @param keyId the key id the row names; null when it names none
     */
    record SealedRow(String id, String keyId, List<SealedValue> values) {

        public SealedRow {
            Objects.requireNonNull(id, "id");
            values = List.copyOf(values);
        }
    }

    /** A sealed value and the associated data it was sealed with. */
    record SealedValue(String associatedData, byte[] sealed) {

        public SealedValue {
            Objects.requireNonNull(associatedData, "associatedData");
            Objects.requireNonNull(sealed, "sealed");
        }

        @Override
        public String toString() {
            return "SealedValue[" + associatedData + ", " + sealed.length + " bytes]";
        }
    }
}
