package com.syncledger.app.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.syncledger.app.ledger.LedgerEntryInput;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The CSV file of ledger entries, the one file a client's finance team writes by hand: any text is entries or
 * the documented error (an {@link IllegalArgumentException} naming the line), and any entries written as
 * RFC 4180 CSV read back as themselves.
 */
class LedgerEntriesCsvPropertyTest {

    private static final String HEADER = String.join(",", LedgerEntriesCsv.HEADER);

    @Property
    void anyTextIsEntriesOrTheDocumentedError(@ForAll("csvLike") String text) {
        Throwable error = catchThrowable(() -> LedgerEntriesCsv.parse(new StringReader(text)));
        if (error != null) {
            assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line");
        }
    }

    @Property(tries = 300)
    void entriesWrittenAsCsvReadBackAsThemselves(@ForAll("entries") @Size(min = 1, max = 20) List<LedgerEntryInput> entries,
            @ForAll boolean crlf) {
        String newline = crlf ? "\r\n" : "\n";
        String csv = HEADER + newline + entries.stream().map(LedgerEntriesCsvPropertyTest::line)
                .collect(Collectors.joining(newline)) + newline;
        assertThat(LedgerEntriesCsv.parse(new StringReader(csv)).entries()).isEqualTo(entries);
    }

    /** Random text, and text with the right header and lines of random fields, quotes and separators. */
    @Provide
    Arbitrary<String> csvLike() {
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("\"", "\"\"", "\"a,b\"", "2026-01-31", "revenue", "12.50", "USD", "", " ", "\r"));
        Arbitrary<String> line = field.list().ofMaxSize(10).map(fields -> String.join(",", fields));
        Arbitrary<String> body = line.list().ofMaxSize(6).map(lines -> String.join("\n", lines));
        return Arbitraries.oneOf(Arbitraries.strings(), body,
                body.map(b -> HEADER + "\n" + b), body.map(b -> "\uFEFF" + HEADER + "\r\n" + b));
    }

    @Provide
    Arbitrary<List<LedgerEntryInput>> entries() {
        Arbitrary<String> anyText = Arbitraries.strings().withCharRange(' ', '~').withChars("\",\né€")
                .ofMinLength(1).ofMaxLength(20);
        // Fields the parser strips: no surrounding blanks. Optional ones: absent, or present and not blank.
        Arbitrary<String> stripped = anyText.map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<String> optional = stripped.injectNull(0.3);
        Arbitrary<LedgerEntryInput> entry = Builders.withBuilder(() -> new ArrayList<String>())
                .use(anyText.filter(s -> !s.isBlank())).in((fields, v) -> add(fields, v))   // external id
                .use(Arbitraries.of("revenue", "refund", "cost", "adjustment")).in(LedgerEntriesCsvPropertyTest::add)
                .use(stripped).in(LedgerEntriesCsvPropertyTest::add)                          // date, as written
                .use(stripped).in(LedgerEntriesCsvPropertyTest::add)                          // amount
                .use(stripped).in(LedgerEntriesCsvPropertyTest::add)                          // currency
                .use(optional).in(LedgerEntriesCsvPropertyTest::add)
                .use(optional).in(LedgerEntriesCsvPropertyTest::add)
                .use(optional).in(LedgerEntriesCsvPropertyTest::add)
                .build(f -> new LedgerEntryInput(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6),
                        f.get(7)));
        return entry.list();
    }

    private static ArrayList<String> add(ArrayList<String> fields, String value) {
        fields.add(value);
        return fields;
    }

    /** One RFC 4180 line in the header's order: every field quoted, quotes doubled, a missing one empty. */
    private static String line(LedgerEntryInput e) {
        return Arrays.asList(e.externalId(), e.date(), e.kind(), e.amount(), e.currency(), e.platform(),
                        e.platformCampaignId(), e.description()).stream()
                .map(v -> v == null ? "" : "\"" + v.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(","));
    }
}
