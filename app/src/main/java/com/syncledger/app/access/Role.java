package com.syncledger.app.access;

import java.util.Locale;

/** What an API key may do. {@code write} implies {@code read}. */
public enum Role {
    READ, WRITE;

    public boolean allows(Role needed) {
        return this == WRITE || needed == READ;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code read} or {@code write} */
    public static Role fromSlug(String slug) {
        for (Role role : values()) {
            if (role.slug().equals(slug)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be read or write");
    }
}
