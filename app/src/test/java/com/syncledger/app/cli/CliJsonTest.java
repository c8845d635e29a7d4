package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.api.Http;
import com.syncledger.app.console.SyncedStores;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every read command's {@code --json} is the API's answer for the same data: the CLI's output, parsed, equals
 * what the service answers over HTTP, against one database with nine platforms synced and a gap of missing days.
 */
class CliJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SyncedStores stores;
    private static Env env;
    private static Http api;

    @BeforeAll
    static void start() {
        stores = new SyncedStores(List.of());
        env = stores.app.getBean(Env.class);
        api = stores.api;
        api.post("/stores/" + stores.storeId + "/baselines", "{\"from\": \"" + stores.gapFrom.minusDays(20)
                + "\", \"to\": \"" + stores.gapFrom.minusDays(10) + "\"}");
    }

    @AfterAll
    static void stop() {
        stores.close();
    }

    private static JsonNode cli(int exitCode, String... args) {
        CliRun run = CliRun.of(env, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(exitCode);
        return JSON.readTree(run.out());
    }

    private static JsonNode api(String path) {
        Http.Reply reply = api.get(path);
        assertThat(reply.status()).as(path).isEqualTo(200);
        return reply.json();
    }

    @Test
    void storesListAndShowAreTheApisStores() {
        assertThat(cli(0, "stores", "list", "--json")).isEqualTo(api("/stores"));
        assertThat(cli(0, "stores", "list", "--json", "--offset", "1", "--limit", "1"))
                .isEqualTo(api("/stores?offset=1&limit=1"));
        JsonNode store = cli(0, "stores", "show", Long.toString(stores.scriptStoreId), "--json");
        assertThat(store).isEqualTo(api("/stores/" + stores.scriptStoreId));
        assertThat(store.get("name").asString()).isEqualTo(SyncedStores.SCRIPT_NAME);
    }

    @Test
    void accountsListIsTheApisAccounts() {
        JsonNode accounts = cli(0, "accounts", "list", "--store", Long.toString(stores.storeId), "--json");
        assertThat(accounts).isEqualTo(api("/stores/" + stores.storeId + "/accounts"));
        assertThat(accounts.size()).isEqualTo(stores.platforms.size());
    }

    @Test
    void spendIsTheApisSpendDayByDayWithItsMissingDays() {
        String from = stores.gapFrom.minusDays(5).toString();
        String to = stores.gapTo.plusDays(2).toString();
        JsonNode spend = cli(1, "spend", "--store", Long.toString(stores.storeId), "--from", from, "--to", to, "--json");
        assertThat(spend).isEqualTo(api("/stores/" + stores.storeId + "/spend?from=" + from + "&to=" + to));
        assertThat(spend.get("complete").asBoolean()).isFalse();
        JsonNode first = spend.get("accounts").get(0);
        assertThat(first.get("days").size()).isEqualTo(5 + SyncedStores.GAP_DAYS + 2);
        assertThat(first.get("missingDays").get(0).asString()).isEqualTo(stores.gapFrom.toString());
        assertThat(first.at("/days/5/spend").isNull()).as("a missing day is null, never zero").isTrue();

        String complete = stores.gapFrom.minusDays(3).toString();
        assertThat(cli(0, "spend", "--store", Long.toString(stores.storeId), "--from", from, "--to", complete, "--json"))
                .isEqualTo(api("/stores/" + stores.storeId + "/spend?from=" + from + "&to=" + complete));
    }

    @Test
    void syncRunsAndBaselinesAreTheApis() {
        String store = Long.toString(stores.storeId);
        JsonNode runs = cli(0, "sync", "runs", "--store", store, "--json");
        assertThat(runs).isEqualTo(api("/stores/" + store + "/sync-runs"));
        assertThat(runs.get("items").size()).isEqualTo(2 * stores.platforms.size());
        assertThat(cli(0, "sync", "runs", "--store", store, "--json", "--limit", "3", "--offset", "2"))
                .isEqualTo(api("/stores/" + store + "/sync-runs?offset=2&limit=3"));
        assertThat(CliRun.of(env, "sync", "runs", "--store", store).out())
                .contains("RUN", "INSTANCE", "succeeded", runs.get("items").get(0).get("instance").asString());
        assertThat(CliRun.of(env, "sync", "runs", "--store", "999", "--json").err()).contains("store 999 does not exist");

        JsonNode baselines = cli(0, "baseline", "list", "--store", store, "--json");
        assertThat(baselines).isEqualTo(api("/stores/" + store + "/baselines"));
        assertThat(baselines.get("items").size()).isEqualTo(1);
    }

    @Test
    void platformsSayWhichAreConfigured() {
        JsonNode platforms = cli(0, "platforms", "--json");
        assertThat(platforms.get("total").asInt()).isEqualTo(Platform.values().length);
        int configured = 0;
        for (Platform platform : Platform.values()) {
            JsonNode entry = platforms.get("platforms").get(platform.ordinal());
            assertThat(entry.get("platform").asString()).isEqualTo(platform.slug());
            assertThat(entry.get("name").asString()).isEqualTo(platform.displayName());
            boolean expected = PlatformCredentials.configured(platform, env);
            assertThat(entry.get("configured").asBoolean()).as(platform.slug()).isEqualTo(expected);
            assertThat(entry.get("check").isNull()).isTrue();
            configured += expected ? 1 : 0;
        }
        assertThat(platforms.get("configured").asInt()).isEqualTo(configured).isPositive();
    }

    @Test
    void aSyncStillNeedsAStoreOrAll() {
        CliRun run = CliRun.of(env, "sync");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--store", "--all");
    }
}
