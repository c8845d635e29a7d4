package com.syncledger.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: every operation needs an API key unless it says otherwise. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SECURITY_SCHEME = "apiKey";

    @Bean
    OpenAPI syncLedgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("SyncLedger API").version("0.1.0").description(
                        "Stores, their linked ad accounts, exact daily spend, baselines, ledger entries and sync runs. "
                                + "Errors are RFC 9457 problems (application/problem+json) with a stable type URI."))
                .components(new Components().addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key from `./syncledger apikey create`, sent as "
                                + "`Authorization: Bearer <key>`. GET needs the read role, every other method write.")))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }

    /** Every operation that needs a key can be refused with 401 or 403, before it runs. */
    @Bean
    OpenApiCustomizer authenticationResponses() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().stream()
                .filter(operation -> operation.getSecurity() == null || !operation.getSecurity().isEmpty())
                .forEach(OpenApiConfiguration::addAuthenticationResponses));
    }

    private static void addAuthenticationResponses(Operation operation) {
        operation.getResponses()
                .addApiResponse("401", problem("No valid API key (missing, malformed or unknown)"))
                .addApiResponse("403", problem("The API key's role does not allow this method"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }
}
