package com.syncledger.app.metrics;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Debian {@code prometheus} package's binaries; a test that needs one fails, naming the package, without it. */
final class DebianBinaries {

    private DebianBinaries() {
    }

    static Path require(String name) {
        Path binary = Path.of("/usr/bin", name);
        if (!Files.isExecutable(binary)) {
            throw new AssertionError(binary + " is missing: install the Debian package with "
                    + "`apt-get install -y prometheus` (.ci/run does)");
        }
        return binary;
    }
}
