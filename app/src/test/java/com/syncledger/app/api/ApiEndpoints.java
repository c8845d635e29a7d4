package com.syncledger.app.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the running service serves, read from Spring MVC's handler mappings and the exposed
 * actuator endpoints, so that a test over this list covers an endpoint the day it is added.
 */
public final class ApiEndpoints {

    /** One method on one path pattern, e.g. {@code GET /stores/{storeId}}. */
    public record Endpoint(String method, String pattern) {

        /** The pattern with every variable filled in, e.g. {@code /stores/1}. */
        public String examplePath() {
            return pattern.replaceAll("\\{\\*[^}]+}", "components").replaceAll("\\{[^}]+}", "1");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private ApiEndpoints() {
    }

    /** The endpoints of SyncLedger's own API controllers (not the error page, the OpenAPI document or the console). */
    public static List<Endpoint> controllers(ApplicationContext app) {
        List<Endpoint> endpoints = new ArrayList<>();
        app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .forEach((info, handler) -> {
                    String type = handler.getBeanType().getName();
                    // The web console is not the API: its pages have their own sign-in (ConsoleEndpointsTest).
                    if (!type.startsWith("com.syncledger.") || type.endsWith(".ErrorPages")
                            || type.startsWith("com.syncledger.app.console.")) {
                        return;
                    }
                    // A mapping without a method restriction answers every method: list them all.
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                            ? EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
                                    RequestMethod.DELETE)
                            : info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        methods.forEach(method -> endpoints.add(new Endpoint(method.name(), pattern)));
                    }
                });
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    /** The web console's endpoints, read from the same handler mappings. */
    public static List<Endpoint> console(ApplicationContext app) {
        List<Endpoint> endpoints = new ArrayList<>();
        app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .forEach((info, handler) -> {
                    if (handler.getBeanType().getName().startsWith("com.syncledger.app.console.")) {
                        for (String pattern : info.getPatternValues()) {
                            info.getMethodsCondition().getMethods()
                                    .forEach(method -> endpoints.add(new Endpoint(method.name(), pattern)));
                        }
                    }
                });
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    /** The actuator operations exposed over HTTP, under {@code /actuator}. */
    public static List<Endpoint> actuator(ApplicationContext app) {
        List<Endpoint> endpoints = new ArrayList<>();
        app.getBeansOfType(WebEndpointsSupplier.class).values().forEach(supplier -> supplier.getEndpoints()
                .forEach(endpoint -> endpoint.getOperations().forEach(operation -> endpoints.add(new Endpoint(
                        operation.getRequestPredicate().getHttpMethod().name(),
                        "/actuator/" + operation.getRequestPredicate().getPath())))));
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }
}
