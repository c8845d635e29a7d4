package com.syncledger.app.billing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A statement's printable documents and its CSV export, for the API and the CLI. An issued statement's are
 * rendered from the JSON document stored when it was issued; a preview's from a fresh one.
 */
@Component
public class StatementDocuments {

    /** A document format: how it is rendered from the JSON document, and how it is served. */
    public enum Format {
        HTML("html", "text/html;charset=UTF-8", true,
                document -> StatementHtml.render(document).getBytes(StandardCharsets.UTF_8)),
        PDF("pdf", "application/pdf", true, StatementPdf::render),
        CSV("csv", "text/csv;charset=UTF-8", false,
                document -> StatementCsv.render(document).getBytes(StandardCharsets.UTF_8));

        private final String extension;
        private final String contentType;
        private final boolean inline;
        private final Function<String, byte[]> renderer;

        Format(String extension, String contentType, boolean inline, Function<String, byte[]> renderer) {
            this.extension = extension;
            this.contentType = contentType;
            this.inline = inline;
            this.renderer = renderer;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }

        /** Shown in the browser (html, pdf) rather than saved as a file (csv). */
        public boolean inline() {
            return inline;
        }

        /** @throws IllegalArgumentException naming the formats there are */
        public static Format parse(String name) {
            return Arrays.stream(values()).filter(f -> f.extension.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; expected one of: "
                            + Arrays.stream(values()).map(Format::extension).collect(Collectors.joining(", "))));
        }
    }

    /** A rendered document and the file name it is offered under, e.g. {@code statement-12-2026-03.csv}. */
    public record Rendered(Format format, String fileName, byte[] body) {
    }

    private final Statements statements;

    public StatementDocuments(Statements statements) {
        this.statements = statements;
    }

    /**
     * The issued statement of the period, rendered from its document exactly as issued.
     *
     * @throws com.syncledger.app.problem.NotFoundException when the period has no issued statement
     */
    public Rendered issued(long storeId, BillingPeriod period, Format format) {
        return render(statements.show(storeId, period).document(), format, fileName(storeId, period, "", format));
    }

    /** The period's statement as it would be issued now: provisional, with its gaps. */
    public Rendered preview(long storeId, BillingPeriod period, Format format) {
        String document = statements.json(statements.preview(storeId, period));
        return render(document, format, fileName(storeId, period, "-preview", format));
    }

    static Rendered render(String document, Format format, String fileName) {
        return new Rendered(format, fileName, format.renderer.apply(document));
    }

    private static String fileName(long storeId, BillingPeriod period, String suffix, Format format) {
        // The store's id, not its name: the name is user input and would need sanitising for every file system.
        return "statement-" + storeId + "-" + period + suffix + "." + format.extension;
    }
}
