package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document, fetched from the running service, against the controllers Spring actually maps. */
class OpenApiDocumentTest {

    private static ConfigurableApplicationContext app;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        app = TestApp.start(true, Map.of());
        Http.Reply reply = new Http(TestApp.baseUrl(app), null).get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        document = reply.json();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void documentsExactlyTheControllersEndpoints() {
        List<String> documented = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        List<String> mapped = ApiEndpoints.controllers(app).stream().map(ApiEndpoints.Endpoint::toString).toList();
        assertThat(mapped).hasSizeGreaterThanOrEqualTo(15);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void documentsTheBearerKeyAsRequiredEverywhereButHealth() {
        JsonNode scheme = document.at("/components/securitySchemes/apiKey");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("apiKey")).isTrue();
        assertThat(document.at("/paths/~1healthz/get/security").isArray()).isTrue();
        assertThat(document.at("/paths/~1healthz/get/security").isEmpty()).isTrue();
        assertThat(document.at("/paths/~1healthz/get/responses").has("401")).isFalse();

        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!path.getKey().equals("/healthz")) {
                assertThat(operation.getValue().get("security")).as(path.getKey()).isNull();
                assertThat(operation.getValue().get("responses").propertyNames()).as(path.getKey())
                        .contains("401", "403");
            }
        }));
    }

    @Test
    void documentsTheSuccessStatusesTheEndpointsAnswerWith() {
        assertThat(successes("/stores", "post")).containsExactly("201");
        assertThat(document.at("/paths/~1stores/post/responses/201/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/StoreView");
        assertThat(successes("/stores/{storeId}/accounts", "post")).containsExactly("201");
        assertThat(successes("/stores/{storeId}/baselines", "post")).containsExactly("201");
        assertThat(successes("/stores/{storeId}/ledger-entries", "post")).containsExactlyInAnyOrder("200", "201");
        assertThat(successes("/stores/{storeId}/sync", "post")).containsExactly("202");
        assertThat(successes("/stores/{storeId}/accounts/{accountId}", "delete")).containsExactly("204");
        assertThat(successes("/stores/{storeId}", "get")).containsExactly("200");
    }

    @Test
    void documentsTheBillingInputs() {
        assertThat(successes("/stores/{storeId}/ledger-entries/batch", "post")).containsExactly("200");
        assertThat(document.at("/paths/~1stores~1{storeId}~1ledger-entries~1batch/post/requestBody/content"
                + "/application~1json/schema/$ref").asString()).isEqualTo("#/components/schemas/LedgerEntryBatchRequest");
        assertThat(successes("/stores/{storeId}/revenue-close", "post")).containsExactly("200");
        assertThat(successes("/stores/{storeId}/revenue-close", "get")).containsExactly("200");
        assertThat(successes("/fx-rates", "post")).containsExactlyInAnyOrder("200", "201");
        assertThat(successes("/fx-rates", "get")).containsExactly("200");
        assertThat(successes("/fx-rates/ecb", "post")).containsExactly("200");
        assertThat(document.at("/paths/~1fx-rates~1ecb/post/requestBody/content").has("text/csv")).isTrue();
        assertThat(successes("/audit", "get")).containsExactly("200");
        assertThat(document.at("/components/schemas/FxRateView/properties/rate/type").asString()).isEqualTo("string");
    }

    private static List<String> successes(String path, String method) {
        JsonNode responses = document.get("paths").get(path).get(method).get("responses");
        return responses.propertyNames().stream().filter(code -> code.startsWith("2")).toList();
    }

    @Test
    void errorsAreDescribedAsProblems() {
        JsonNode unauthorized = document.at("/paths/~1stores/get/responses/401/content");
        assertThat(unauthorized.has("application/problem+json")).isTrue();
        assertThat(unauthorized.at("/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                assertThat(operation.getValue().at("/responses/default/content").has("application/problem+json"))
                        .as(path.getKey()).isTrue()));
    }

    @Test
    void theSwaggerUiIsServed() {
        Http.Reply ui = new Http(TestApp.baseUrl(app), null).get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(ui.body()).contains("swagger-ui");
    }
}
