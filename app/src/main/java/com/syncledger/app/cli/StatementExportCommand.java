package com.syncledger.app.cli;

import com.syncledger.app.billing.BillingPeriod;
import com.syncledger.app.billing.StatementDocuments.Format;
import com.syncledger.app.billing.StatementDocuments.Rendered;
import com.syncledger.app.billing.StatementDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code statement export}: a statement as a printable page, a PDF or CSV, written to a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a statement as html, pdf or csv: the issued one (exit 2 when there is none), or with "
                + "--preview the provisional one as it would be issued now.")
final class StatementExportCommand implements Callable<Integer> {

    @Mixin Session session;
    @Option(names = "--store", required = true) long storeId;
    @Option(names = "--period", required = true, paramLabel = "YYYY-MM") String period;
    @Option(names = "--format", required = true, paramLabel = "html|pdf|csv") String format;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write (replaced)")
    Path out;
    @Option(names = "--preview", description = "the provisional statement instead of the issued one")
    boolean preview;
    @Autowired StatementDocuments documents;

    @Override
    public Integer call() {
        // Both checked before the database is opened: a typo costs nothing.
        Format chosen = Format.parse(format);
        BillingPeriod billingPeriod = BillingPeriod.parse(period);
        Rendered rendered = preview ? documents.preview(storeId, billingPeriod, chosen)
                : documents.issued(storeId, billingPeriod, chosen);
        try {
            Files.write(out, rendered.body());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + out + ": " + e.getMessage(), e);
        }
        session.out().printf("Wrote the %s statement of store %d for %s as %s to %s (%d bytes)%n",
                preview ? "provisional" : "issued", storeId, billingPeriod, chosen.extension(), out,
                rendered.body().length);
        return SyncLedgerCommand.OK;
    }
}
