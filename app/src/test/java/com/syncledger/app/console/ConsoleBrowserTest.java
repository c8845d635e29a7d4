package com.syncledger.app.console;

import static com.syncledger.app.database.TestApp.READ_KEY;
import static com.syncledger.app.database.TestApp.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.syncledger.app.connections.Connection;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium against SyncLedger serving the sandbox platforms' spend. Saves
 * screenshots of the main pages to {@code target/console-screenshots} (docs/console.md shows them).
 */
class ConsoleBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static SyncedStores stores;
    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        stores = new SyncedStores(List.of());
    }

    @AfterAll
    static void stop() {
        if (stores != null) {
            stores.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signsInAndSeesEachPlatformsSpendAndTheMissingDays() throws IOException {
        signIn(WRITE_KEY.key());
        assertThat(browser.getCurrentUrl()).isEqualTo(stores.baseUrl() + "/");
        WebElement card = browser.findElement(By.id("store-" + stores.storeId));
        assertThat(card.findElement(By.cssSelector(".store-name")).getText()).isEqualTo(SyncedStores.STORE_NAME);
        assertThat(card.getText()).contains("Month to date", "Last month", "days missing");
        screenshot("overview");

        clickAndWait(card.findElement(By.cssSelector(".store-name")));
        assertThat(browser.findElement(By.id("store-name")).getText()).isEqualTo(SyncedStores.STORE_NAME);
        String daily = browser.findElement(By.id("daily-spend")).getText();
        for (String platform : List.of("Meta", "Google Ads", "TikTok", "LinkedIn", "Amazon Ads", "Microsoft Advertising",
                "Snapchat", "Pinterest", "Reddit")) {
            assertThat(daily).as("a column for %s", platform).contains(platform + " (");
        }
        assertThat(browser.findElement(By.id("completeness")).getText()).isEqualTo("incomplete");
        List<WebElement> missing = browser.findElements(By.cssSelector(".missing-days"));
        assertThat(missing).hasSize(stores.platforms.size());
        assertThat(missing).allSatisfy(line -> assertThat(line.getText())
                .contains(stores.gapFrom + " to " + stores.gapTo + " (" + SyncedStores.GAP_DAYS + " days)"));
        assertThat(browser.findElements(By.cssSelector("td.day.missing"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("figure canvas"))).as("charts drawn from the tables").hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#sync-runs table tr.run"))).as("a row per sync run")
                .isNotEmpty();
        screenshot("store");

        clickAndWait(browser.findElement(By.linkText("Platforms")));
        assertThat(browser.findElement(By.id("platform-meta")).getText()).contains("configured")
                .containsPattern("\\d+ of \\d+ requests free to go out at once");
        clickAndWait(browser.findElement(By.id("check-credentials")));
        // Every platform answers the check, or says it has no cheap check; none fails against the sandbox.
        for (String platform : List.of("meta", "google", "tiktok", "linkedin", "amazon", "microsoft", "snapchat",
                "pinterest", "reddit")) {
            assertThat(browser.findElement(By.cssSelector("#platform-" + platform + " .check")).getText())
                    .as(platform).matches("OK|not checked: .+");
        }
        assertThat(browser.findElement(By.cssSelector("#platform-meta .check")).getText()).isEqualTo("OK");
        screenshot("platforms");
    }

    @Test
    void listsConnectionsWithTheirBadgesAndRevokesOne() throws IOException {
        ConnectionStore store = stores.app.getBean(ConnectionStore.class);
        Instant now = Instant.now();
        // Its refresh token ends within the warning window: expiring.
        Connection harbor = store.create(Platform.LINKEDIN, "Harbor client", new Grant(Secret.of("harbor-access"),
                Optional.of(Secret.of("harbor-refresh")), Optional.empty(), Optional.of(now.plus(Duration.ofDays(5))),
                List.of("r_ads")), List.of("508000001"));
        // The platform refused its token: expired until the client connects again.
        Connection fjord = store.create(Platform.META, "Fjord client", new Grant(Secret.of("fjord-access"),
                Optional.empty(), Optional.of(now.plus(Duration.ofDays(50))), Optional.empty(), List.of("ads_read")),
                List.of("1234567890", "2345678901"));
        store.markExpired(fjord.id());

        signIn(READ_KEY.key());
        assertThat(browser.findElement(By.id("connections-badge")).getText()).isEqualTo("2");
        clickAndWait(browser.findElement(By.id("nav-connections")));
        assertThat(browser.getCurrentUrl()).isEqualTo(stores.baseUrl() + "/console/connections");
        List<WebElement> rows = browser.findElements(By.cssSelector("#connections tr.connection"));
        assertThat(rows).extracting(row -> row.getDomAttribute("id"))
                .as("soonest end first: the expired one, then the expiring one")
                .containsExactly("connection-" + fjord.id(), "connection-" + harbor.id());
        WebElement fjordRow = rows.get(0);
        assertThat(fjordRow.findElement(By.cssSelector(".badge")).getText()).isEqualTo("expired");
        assertThat(fjordRow.findElement(By.cssSelector(".accounts")).getText()).isEqualTo("1234567890, 2345678901");
        assertThat(fjordRow.findElement(By.cssSelector(".ends")).getText()).isEqualTo("access token");
        WebElement harborRow = rows.get(1);
        assertThat(harborRow.findElement(By.cssSelector(".badge")).getText()).isEqualTo("expiring");
        assertThat(harborRow.findElement(By.cssSelector(".badge")).getDomAttribute("class")).isEqualTo("badge expiring");
        assertThat(harborRow.findElement(By.cssSelector(".ends")).getText()).isEqualTo("refresh token");
        assertThat(harborRow.findElement(By.cssSelector(".last-used")).getText()).isEqualTo("never");
        assertThat(browser.findElements(By.cssSelector(".revoke-button"))).as("the read role revokes nothing").isEmpty();
        assertThat(browser.findElements(By.id("connect-form"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("harbor-access", "harbor-refresh", "fjord-access");

        clickAndWait(browser.findElement(By.linkText("Platforms")));
        assertThat(browser.findElement(By.cssSelector("#platform-linkedin .connection-expiry")).getText())
                .contains("refresh token of \"Harbor client\", expiring");
        assertThat(browser.findElement(By.cssSelector("#platform-tiktok .connection-expiry")).getText()).isEmpty();

        browser.manage().deleteAllCookies();
        signIn(WRITE_KEY.key());
        browser.get(stores.baseUrl() + "/console/connections");
        screenshot("connections");
        clickAndWait(browser.findElement(By.cssSelector("#connection-" + harbor.id() + " .revoke-button")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("\"Harbor client\" (LinkedIn) revoked");
        assertThat(browser.findElement(By.cssSelector("#connection-" + harbor.id() + " .badge")).getText())
                .isEqualTo("revoked");
        assertThat(browser.findElements(By.cssSelector("#connection-" + harbor.id() + " .revoke-button"))).isEmpty();
        assertThat(browser.findElement(By.id("connections-badge")).getText()).isEqualTo("1");
        assertThat(store.tokens(harbor.id())).as("the tokens are wiped").isEmpty();
        assertThat(store.tokens(fjord.id())).isPresent();

        // The connect form starts GET /connect/{platform}: the sandbox's consent page sends the browser back.
        new Select(browser.findElement(By.id("connect-platform"))).selectByValue("meta");
        browser.findElement(By.id("connect-label")).sendKeys("Cove client");
        clickAndWait(browser.findElement(By.id("connect")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(By.id("connected-title")).isEmpty());
        assertThat(browser.findElement(By.id("connection-label")).getText()).isEqualTo("Cove client");
        browser.get(stores.baseUrl() + "/console/connections");
        assertThat(browser.findElements(By.cssSelector("#connections tr.connection .connection-label")))
                .extracting(WebElement::getText).contains("Cove client", "Harbor client", "Fjord client");
    }

    @Test
    void refusesAWrongKey() {
        signIn("slk_not-a-configured-key");
        assertThat(browser.findElement(By.id("refused")).getText()).contains("not accepted");
        browser.get(stores.baseUrl() + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo(stores.baseUrl() + "/console/sign-in");
        assertThat(browser.manage().getCookies()).isEmpty();
    }

    @Test
    void noConsolePageIsReachableWithoutSigningIn() {
        for (String path : List.of("/", "/console/platforms", "/console/connections", "/console/stores/" + stores.storeId,
                "/console/stores/" + stores.storeId + "?months=12")) {
            browser.get(stores.baseUrl() + path);
            assertThat(browser.getCurrentUrl()).as(path).isEqualTo(stores.baseUrl() + "/console/sign-in");
        }
    }

    @Test
    void theWriteRoleLinksAnAccountAndTheReadRoleIsRefused() {
        signIn(READ_KEY.key());
        openStore(stores.scriptStoreId);
        assertThat(browser.findElements(By.id("link-form"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".read-only")).getText()).contains("write role");
        // The form is not offered; posting it anyway, with the session's own token, is refused.
        String token = browser.findElement(By.cssSelector("input[name=formToken]")).getDomProperty("value");
        browser.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                for (const [name, value] of [['formToken', arguments[1]], ['platform', 'meta'], ['accountId', '5550001']]) {
                  const input = document.createElement('input');
                  input.name = name; input.value = value; form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();""", "/console/stores/" + stores.scriptStoreId + "/accounts", token);
        assertThat(browser.findElement(By.id("problem-title")).getText()).isEqualTo("Not allowed");
        assertThat(linkedTo(stores.scriptStoreId)).isZero();

        browser.manage().deleteAllCookies();
        signIn(WRITE_KEY.key());
        openStore(stores.scriptStoreId);
        new Select(browser.findElement(By.id("platform"))).selectByValue("meta");
        browser.findElement(By.id("accountId")).sendKeys("5550001");
        clickAndWait(browser.findElement(By.id("link")));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Meta account 5550001 linked.");
        assertThat(browser.findElements(By.cssSelector(".linked-account"))).hasSize(1);
        assertThat(linkedTo(stores.scriptStoreId)).isEqualTo(1);

        clickAndWait(browser.findElement(By.cssSelector(".linked-account .unlink")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("unlinked");
        assertThat(linkedTo(stores.scriptStoreId)).isZero();
    }

    @Test
    void aFormPostedFromAnotherOriginIsRefused() throws IOException {
        signIn(WRITE_KEY.key());
        String target = stores.baseUrl() + "/console/stores/" + stores.scriptStoreId + "/accounts";
        byte[] page = ("<!DOCTYPE html><html><body><form id=f method=post action='" + target + "'>"
                + "<input name=platform value=meta><input name=accountId value=6660001></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>").getBytes(StandardCharsets.UTF_8);
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            browser.get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            assertThat(browser.findElement(By.tagName("body")).getText()).startsWith("Refused.");
            assertThat(browser.getCurrentUrl()).isEqualTo(target);
        } finally {
            other.stop(0);
        }
        assertThat(linkedTo(stores.scriptStoreId)).isZero();
    }

    @Test
    void aStoreNamedWithMarkupShowsAsText() {
        signIn(READ_KEY.key());
        WebElement card = browser.findElement(By.id("store-" + stores.scriptStoreId));
        assertThat(card.findElement(By.cssSelector(".store-name")).getText()).isEqualTo(SyncedStores.SCRIPT_NAME);
        assertNoAlert();
        openStore(stores.scriptStoreId);
        assertThat(browser.findElement(By.id("store-name")).getText()).isEqualTo(SyncedStores.SCRIPT_NAME);
        assertThat(browser.getTitle()).startsWith(SyncedStores.SCRIPT_NAME);
        assertNoAlert();
        assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)</script>");
    }

    private void signIn(String key) {
        browser.get(stores.baseUrl() + "/console/sign-in");
        browser.findElement(By.id("apiKey")).sendKeys(key);
        clickAndWait(browser.findElement(By.id("sign-in")));
    }

    /** Clicks a link or a form's button and waits until the answer has replaced the page: a click may return first. */
    private void clickAndWait(WebElement element) {
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> isGone(element));
    }

    /** Whether the element's page has been replaced; Chromium may say so with a stale-element or an inspector error. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    private void openStore(long storeId) {
        browser.get(stores.baseUrl() + "/console/stores/" + storeId);
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private static int linkedTo(long storeId) {
        return stores.api.get("/stores/" + storeId + "/accounts").json().size();
    }

    /** The whole page: the window is made as tall as the document first. */
    private void screenshot(String name) throws IOException {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1400, Math.min(height.intValue() + 40, 6000)));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1400, 1100));
    }
}
