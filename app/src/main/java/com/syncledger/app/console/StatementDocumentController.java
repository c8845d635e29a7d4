package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.syncledger.app.billing.BillingPeriod;
import com.syncledger.app.billing.StatementDocuments;
import com.syncledger.app.billing.StatementDocuments.Format;
import com.syncledger.app.billing.StatementDocuments.Rendered;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An issued statement's documents, for a signed-in session: the same rendering the API serves. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
class StatementDocumentController {

    private final StatementDocuments documents;

    StatementDocumentController(StatementDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/console/stores/{storeId}/statements/{period}/document.{extension}")
    ResponseEntity<byte[]> document(@PathVariable long storeId, @PathVariable String period,
            @PathVariable String extension) {
        Format format = Format.parse(extension);
        Rendered rendered = documents.issued(storeId, BillingPeriod.parse(period), format);
        ContentDisposition disposition = (format.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(rendered.fileName()).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(rendered.body());
    }
}
