package com.syncledger.app.config;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.convert.converter.Converter;

/**
 * A duration setting with its unit ({@code 500ms}, {@code 30s}, {@code 10m}) or in ISO-8601 ({@code PT1M}).
 * Boot alone reads a bare number as milliseconds; here it is refused, so that {@code 30} meant as seconds
 * never becomes 30 ms without a word.
 */
public final class DurationWithUnitConverter implements Converter<String, Duration> {

    @Override
    public Duration convert(String text) {
        String value = text.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a duration needs its unit, such as 500ms, 30s, 10m or PT1M, not '"
                    + text + "'");
        }
        return DurationStyle.detectAndParse(value);
    }
}
