package com.syncledger.app.billing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A statement as a PDF: the page of {@link StatementHtml}, laid out on A4. */
public final class StatementPdf {

    /**
     * The font the page is set in, embedded (subset) in the PDF. PDFBox ships it, so the PDF looks the same
     * on every machine and covers far more of a store name's characters than the 14 standard PDF fonts.
     */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FONT_FAMILY = "Liberation Sans";

    private StatementPdf() {
    }

    /** The PDF of a statement JSON document, issued or preview. */
    public static byte[] render(String document) {
        return fromXhtml(StatementHtml.render(document));
    }

    static byte[] fromXhtml(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(StatementPdf::font, FONT_FAMILY);
        builder.withProducer("SyncLedger");
        // No base URI: the page refers to nothing outside itself, and nothing is to be fetched.
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out the statement as a PDF", e);
        }
        return pdf.toByteArray();
    }

    private static InputStream font() {
        InputStream font = StatementPdf.class.getResourceAsStream(FONT);
        if (font == null) {
            throw new IllegalStateException("the font " + FONT + " is missing from the class path");
        }
        return font;
    }
}
