package com.syncledger.app;

import com.syncledger.app.cli.SyncLedgerCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The service's Spring configuration root; {@link #main} is the CLI, which starts Spring where needed. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncLedgerApplication {

    public static void main(String[] args) {
        System.exit(SyncLedgerCommand.run(args));
    }
}
