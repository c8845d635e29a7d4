package com.syncledger.connectors.linkedin;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rest.li 2.0 query values, written by hand because URI builders get them wrong: the structure characters
 * {@code ( ) , :} stay literal and every leaf (string, URN) is percent-encoded exactly once, with nothing but
 * RFC 3986 unreserved characters left as they are. {@code urn:li:sponsoredAccount:1} becomes
 * {@code urn%3Ali%3AsponsoredAccount%3A1}; a list of it {@code List(urn%3Ali%3AsponsoredAccount%3A1)}.
 */
final class RestLi {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RestLi() {
    }

    /** A string leaf, fully percent-encoded. */
    static String leaf(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (unreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** {@code List(a,b)} of already encoded items. */
    static String list(List<String> encodedItems) {
        return "List(" + String.join(",", encodedItems) + ")";
    }

    /** {@code (k1:v1,k2:v2)} of already encoded values, in the map's order. */
    static String record(Map<String, String> encodedFields) {
        return encodedFields.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(",", "(", ")"));
    }

    /** A {@code Date} record: {@code (year:2026,month:1,day:31)}, no zero padding. */
    static String date(LocalDate day) {
        return "(year:" + day.getYear() + ",month:" + day.getMonthValue() + ",day:" + day.getDayOfMonth() + ")";
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
