package com.syncledger.app.problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The names of enum constants as input and output spell them: lower case ({@code PAYMENT_FEE}: {@code payment_fee}). */
public final class Slugs {

    private Slugs() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} spelled {@code slug}; empty for anything else, null included. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String slug) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equals(slug)).findFirst();
    }

    /** Every constant of {@code type}, comma-separated. */
    public static String all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Slugs::of).collect(Collectors.joining(", "));
    }
}
