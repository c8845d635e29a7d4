package com.syncledger.app.web;

import static com.syncledger.app.database.TestApp.READ_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestApp;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

class HealthzTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthyWhileTheDatabaseAnswersAndUnavailableWhenItDoesNot() throws Exception {
        try (ConfigurableApplicationContext app = TestApp.start(true, Map.of())) {
            String base = TestApp.baseUrl(app);
            assertThat(base).doesNotEndWith(":8090");
            assertThat(get(base + "/healthz")).isEqualTo("200 {\"status\":\"healthy\"}");
            assertThat(get(base + "/actuator/health/liveness")).startsWith("200");
            assertThat(get(base + "/actuator/health/readiness")).startsWith("200");
            assertThat(get(base + "/actuator/prometheus")).startsWith("401");
            assertThat(get(base + "/actuator/prometheus", READ_KEY.key())).startsWith("200")
                    .contains("jvm_memory_used_bytes");

            app.getBean(HikariDataSource.class).close();
            assertThat(get(base + "/healthz")).isEqualTo("503 {\"status\":\"unhealthy\"}");
        }
    }

    private String get(String url) throws Exception {
        return get(url, null);
    }

    private String get(String url, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
