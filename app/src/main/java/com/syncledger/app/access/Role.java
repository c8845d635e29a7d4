package com.syncledger.app.access;

import com.syncledger.app.problem.Slugs;

/** What an API key may do. {@code write} implies {@code read}. */
public enum Role {
    READ, WRITE;

    public boolean allows(Role needed) {
        return this == WRITE || needed == READ;
    }

    public String slug() {
        return Slugs.of(this);
    }

    /** @throws IllegalArgumentException for anything but {@code read} or {@code write} */
    public static Role fromSlug(String slug) {
        return Slugs.find(Role.class, slug).orElseThrow(() -> new IllegalArgumentException("role must be read or write"));
    }
}
