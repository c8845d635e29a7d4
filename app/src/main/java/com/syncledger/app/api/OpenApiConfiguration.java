package com.syncledger.app.api;

import com.syncledger.app.problem.ProblemKind;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
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
    static final String PROBLEM_SCHEMA = "Problem";

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

    /**
     * Every operation that needs a key can be refused with 401 or 403 before it runs, and every error of
     * every operation is a problem.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(
                    OpenApiConfiguration::addProblemResponses));
        };
    }

    private static void addProblemResponses(Operation operation) {
        boolean needsKey = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        if (needsKey) {
            operation.getResponses()
                    .addApiResponse("401", problem("No valid API key (missing, malformed or unknown)"))
                    .addApiResponse("403", problem("The API key's role does not allow this method"));
        }
        operation.getResponses().addApiResponse("default",
                problem("Any error: an RFC 9457 problem whose type URI names the kind (see docs/api.md)"));
    }

    /** RFC 9457 members as the API sends them, plus {@code errors} for field-level validation problems. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri")
                        .description("Stable per kind of problem: " + ProblemKind.TYPE_BASE + "<kind>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new MapSchema().additionalProperties(new StringSchema())
                        .description("For invalid input: each offending field and what is wrong with it"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }
}
