package com.syncledger.app.access;

import com.syncledger.connectors.wire.Env;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API keys the service accepts, as configured in {@code SYNCLEDGER_API_KEYS}: comma-separated
 * {@code role:sha256hex} entries, e.g. {@code read:9f86d0...,write:2c26b4...}. Only SHA-256 hashes of the
 * keys are configured and kept, so neither the configuration nor this object can reveal a key.
 */
public final class ApiKeys {

    public static final String VARIABLE = "SYNCLEDGER_API_KEYS";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private record Entry(Role role, byte[] hash) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ApiKeys from(Env env) {
        return parse(env.get(VARIABLE).orElse(""));
    }

    /**
     * @throws IllegalArgumentException naming the position of a malformed entry; the entry itself is not
     *         repeated, in case someone configured a raw key by mistake
     */
    public static ApiKeys parse(String configured) {
        List<Entry> entries = new ArrayList<>();
        String[] parts = configured.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.indexOf(':');
            String role = colon < 0 ? "" : part.substring(0, colon).strip();
            String hash = colon < 0 ? "" : part.substring(colon + 1).strip().toLowerCase(java.util.Locale.ROOT);
            if (!(role.equals("read") || role.equals("write")) || !SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException(VARIABLE + ": entry " + (i + 1) + " is not role:sha256hex "
                        + "(role read or write, then the 64 hex digits printed by `./syncledger apikey create`)");
            }
            entries.add(new Entry(Role.fromSlug(role), HexFormat.of().parseHex(hash)));
        }
        return new ApiKeys(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The role of the presented key, if it is one of ours. Compares the key's hash with every configured
     * hash in constant time, without stopping at the first match.
     */
    public Optional<Role> roleOf(String presentedKey) {
        return identify(presentedKey).map(Caller::role);
    }

    /** The presented key's role and fingerprint, if it is one of ours; compared as {@link #roleOf}. */
    public Optional<Caller> identify(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Entry found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented) && (found == null || entry.role() == Role.WRITE)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found).map(e -> new Caller(e.role(), Caller.fingerprint(e.hash())));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeys[" + entries.size() + " configured]";
    }
}
