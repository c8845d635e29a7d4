package com.syncledger.connectors.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.wire.Env;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrosoftSettingsTest {

    private static final Map<String, String> MINIMAL = Map.of(
            "MICROSOFT_DEVELOPER_TOKEN", "dev-token-123",
            "MICROSOFT_CUSTOMER_ID", "150489161",
            "MICROSOFT_REFRESH_TOKEN", "refresh-456",
            "MICROSOFT_CLIENT_ID", "client");

    @Test
    void defaultsAreTheProductionEndpoints() {
        MicrosoftSettings settings = MicrosoftSettings.fromEnv(Env.of(MINIMAL));
        assertThat(settings.reportingUrl("GenerateReport/Submit")).isEqualTo(
                URI.create("https://reporting.api.bingads.microsoft.com/Reporting/v13/GenerateReport/Submit"));
        assertThat(settings.customerUrl("Account/Query")).isEqualTo(
                URI.create("https://clientcenter.api.bingads.microsoft.com/CustomerManagement/v13/Account/Query"));
        assertThat(settings.tokenUrl())
                .isEqualTo(URI.create("https://login.microsoftonline.com/common/oauth2/v2.0/token"));
        assertThat(settings.scope()).isEqualTo("https://ads.microsoft.com/msads.manage offline_access");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.reportTimeout()).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.clientSecret()).isNull();
        assertThat(settings.toString()).doesNotContain("dev-token-123", "refresh-456");
    }

    @Test
    void pollingIsConfigurable() {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.put("MICROSOFT_POLL_INTERVAL_MS", "250");
        env.put("MICROSOFT_REPORT_TIMEOUT", "PT15M");
        MicrosoftSettings settings = MicrosoftSettings.fromEnv(Env.of(env));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.reportTimeout()).isEqualTo(Duration.ofMinutes(15));
        env.put("MICROSOFT_REPORT_TIMEOUT", "90");
        assertThat(MicrosoftSettings.fromEnv(Env.of(env)).reportTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void missingOrUnreadableSettingsNameTheirVariable() {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.remove("MICROSOFT_DEVELOPER_TOKEN");
        assertThatThrownBy(() -> MicrosoftSettings.fromEnv(Env.of(env))).hasMessageContaining("MICROSOFT_DEVELOPER_TOKEN");
        env.put("MICROSOFT_DEVELOPER_TOKEN", "dev");
        env.put("MICROSOFT_CUSTOMER_ID", "C-150489161");
        assertThatThrownBy(() -> MicrosoftSettings.fromEnv(Env.of(env))).hasMessageContaining("MICROSOFT_CUSTOMER_ID");
        env.put("MICROSOFT_CUSTOMER_ID", "150489161");
        env.put("MICROSOFT_REPORT_TIMEOUT", "soon");
        assertThatThrownBy(() -> MicrosoftSettings.fromEnv(Env.of(env))).hasMessageContaining("MICROSOFT_REPORT_TIMEOUT");
    }
}
