package com.syncledger.app.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through chromedriver, both from the Debian packages ({@code .ci/run}
 * installs them). Missing binaries fail the test with what to install: a console test never passes by not
 * running.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of(System.getProperty("syncledger.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("syncledger.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    static ChromeDriver start() {
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the console's browser tests need Chromium and its "
                        + "driver; install them with `apt-get install -y chromium chromium-driver` (.ci/run does)");
            }
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1100", "--user-data-dir=" + tempProfile());
        return new ChromeDriver(service, options);
    }

    private static String tempProfile() {
        try {
            File dir = Files.createTempDirectory("syncledger-chromium").toFile();
            dir.deleteOnExit();
            return dir.getAbsolutePath();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no temporary directory for the browser profile", e);
        }
    }
}
