package com.syncledger.app.console;

import static com.syncledger.app.database.TestApp.WRITE_KEY;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.api.Http;
import com.syncledger.app.credentials.SealingKeys;
import com.syncledger.app.database.TestApp;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.DemoData.DemoAccount;
import com.syncledger.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * SyncLedger serving its API and console over the sandbox platforms, with a store synced through the API,
 * one account per platform, on every day of the last weeks except a gap of {@link #GAP_DAYS} days, and a
 * store whose name is markup.
 */
public final class SyncedStores implements AutoCloseable {

    public static final String STORE_NAME = "Northwind";
    public static final String SCRIPT_NAME = "<script>alert(1)</script>";
    public static final int GAP_DAYS = 4;
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String SECRET_KEY = Base64.getEncoder().encodeToString("s".repeat(32).getBytes(StandardCharsets.UTF_8));

    public final Sandbox sandbox;
    public final ConfigurableApplicationContext app;
    public final Http api;
    public final long storeId;
    public final long scriptStoreId;
    public final LocalDate gapFrom;
    public final LocalDate gapTo;
    public final Set<String> platforms = new LinkedHashSet<>();
    /** Each platform's linked account's own time zone: its calendar decides its yesterday. */
    public final Map<String, ZoneId> accountZones = new LinkedHashMap<>();
    /** The last day synced: the day before yesterday in the store's and every account's own calendar. */
    public final LocalDate syncedThrough;

    public SyncedStores(List<String> properties) {
        sandbox = Sandbox.startWithDemoData();
        Map<String, String> settings = TestApp.withRoomyBudgets(sandbox.environment());
        // Clients' connections are sealed under this key (the console's connections page lists them).
        settings.put(SealingKeys.KEY_VARIABLE, SECRET_KEY);
        app = TestApp.start(true, settings, properties);
        api = new Http(TestApp.baseUrl(app), WRITE_KEY.key());
        storeId = api.post("/stores", "{\"name\": \"" + STORE_NAME + "\", \"timeZone\": \"" + ZONE.getId()
                + "\", \"billingCurrency\": \"USD\"}").json().get("id").asLong();
        scriptStoreId = api.post("/stores", """
                {"name": "<script>alert(1)</script>", "timeZone": "Europe/Berlin", "billingCurrency": "EUR"}""")
                .json().get("id").asLong();
        for (DemoAccount account : DemoData.ACCOUNTS) {
            if (platforms.add(account.platform())) {
                accountZones.put(account.platform(), ZoneId.of(account.timeZone()));
                api.post("/stores/" + storeId + "/accounts",
                        "{\"platform\": \"" + account.platform() + "\", \"accountId\": \"" + account.id() + "\"}");
            }
        }
        // An account west of the store is a day behind it for some hours (Los Angeles from 05:00 to 08:00 UTC).
        LocalDate end = Stream.concat(Stream.of(ZONE), accountZones.values().stream())
                .map(zone -> LocalDate.now(zone).minusDays(2)).min(Comparator.naturalOrder()).orElseThrow();
        syncedThrough = end;
        gapTo = end.minusDays(3);
        gapFrom = gapTo.minusDays(GAP_DAYS - 1L);
        sync(gapFrom.minusDays(45), gapFrom.minusDays(1));
        sync(gapTo.plusDays(1), end);
    }

    private void sync(LocalDate from, LocalDate to) {
        int before = runs().size();
        api.post("/stores/" + storeId + "/sync?from=" + from + "&to=" + to, null);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<String> statuses = runs();
            return statuses.size() >= before + platforms.size() && !statuses.contains("running");
        });
    }

    public List<String> runs() {
        JsonNode items = api.get("/stores/" + storeId + "/sync-runs?limit=500").json().get("items");
        List<String> statuses = new ArrayList<>();
        items.forEach(run -> statuses.add(run.get("status").asString()));
        return statuses;
    }

    public String baseUrl() {
        return TestApp.baseUrl(app);
    }

    @Override
    public void close() {
        app.close();
        sandbox.close();
    }
}
