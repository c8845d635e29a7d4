package com.syncledger.app.api;

import com.syncledger.app.billing.BillingPeriod;
import com.syncledger.app.billing.StatementDocuments.Format;
import com.syncledger.app.billing.StatementDocuments.Rendered;
import com.syncledger.app.billing.StatementDocuments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A statement's printable documents (HTML, PDF) and CSV export: an issued statement's rendered from its
 * document exactly as issued, a preview's from the current data.
 */
@RestController
@RequestMapping("/stores/{storeId}/statements/{period}")
class StatementDocumentsController {

    private static final String HTML = "text/html";
    private static final String PDF = "application/pdf";
    private static final String CSV = "text/csv";

    private final StatementDocuments documents;

    StatementDocumentsController(StatementDocuments documents) {
        this.documents = documents;
    }

    @Operation(summary = "An issued statement as a printable page (XHTML, self-contained); 404 when not issued")
    @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = HTML,
            schema = @Schema(type = "string")))
    @GetMapping(path = "/document.html", produces = HTML)
    ResponseEntity<byte[]> issuedHtml(@PathVariable long storeId, @PathVariable String period) {
        return issued(storeId, period, Format.HTML);
    }

    @Operation(summary = "An issued statement as a PDF; 404 when not issued")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF,
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping(path = "/document.pdf", produces = PDF)
    ResponseEntity<byte[]> issuedPdf(@PathVariable long storeId, @PathVariable String period) {
        return issued(storeId, period, Format.PDF);
    }

    @Operation(summary = "An issued statement as CSV, one line per figure (section,item,amount,currency); "
            + "404 when not issued")
    @ApiResponse(responseCode = "200", description = "The CSV, as an attachment", content = @Content(mediaType = CSV,
            schema = @Schema(type = "string")))
    @GetMapping(path = "/export.csv", produces = CSV)
    ResponseEntity<byte[]> issuedCsv(@PathVariable long storeId, @PathVariable String period) {
        return issued(storeId, period, Format.CSV);
    }

    @Operation(summary = "The period's provisional statement, as it would be issued now, as a printable page")
    @ApiResponse(responseCode = "200", description = "The page, marked provisional with its gaps",
            content = @Content(mediaType = HTML, schema = @Schema(type = "string")))
    @GetMapping(path = "/preview/document.html", produces = HTML)
    ResponseEntity<byte[]> previewHtml(@PathVariable long storeId, @PathVariable String period) {
        return preview(storeId, period, Format.HTML);
    }

    @Operation(summary = "The period's provisional statement, as it would be issued now, as a PDF")
    @ApiResponse(responseCode = "200", description = "The PDF, marked provisional with its gaps",
            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
    @GetMapping(path = "/preview/document.pdf", produces = PDF)
    ResponseEntity<byte[]> previewPdf(@PathVariable long storeId, @PathVariable String period) {
        return preview(storeId, period, Format.PDF);
    }

    @Operation(summary = "The period's provisional statement, as it would be issued now, as CSV")
    @ApiResponse(responseCode = "200", description = "The CSV, as an attachment", content = @Content(mediaType = CSV,
            schema = @Schema(type = "string")))
    @GetMapping(path = "/preview/export.csv", produces = CSV)
    ResponseEntity<byte[]> previewCsv(@PathVariable long storeId, @PathVariable String period) {
        return preview(storeId, period, Format.CSV);
    }

    private ResponseEntity<byte[]> issued(long storeId, String period, Format format) {
        return served(documents.issued(storeId, BillingPeriod.parse(period), format));
    }

    private ResponseEntity<byte[]> preview(long storeId, String period, Format format) {
        return served(documents.preview(storeId, BillingPeriod.parse(period), format));
    }

    private static ResponseEntity<byte[]> served(Rendered rendered) {
        Format format = rendered.format();
        ContentDisposition disposition = (format.inline() ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(rendered.fileName()).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(rendered.body());
    }
}
