package io.deskpulse.platform.limits;

import io.deskpulse.platform.rest.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents the rate limit once for every service: each operation that requires a key (the ones {@link
 * RateLimitFilter} counts) lists the 429 with its {@code Retry-After}, {@code RateLimit} and {@code RateLimit-Policy}
 * headers. An operation that documents its own 429 (ingestion's, which also covers its upload cap) keeps its
 * description and gets the headers it lacks. Runs after the services' own filters.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -100)
public class RateLimitOpenApiFilter implements OASFilter {

    static final String STATUS = "429";
    private static final String PROBLEM_SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean problemComponent = openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey(PROBLEM_SCHEMA);
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (requiresKey(operation, openAPI.getSecurity())) {
                document(operation, problemComponent);
            }
        }));
    }

    private static boolean requiresKey(Operation operation, List<SecurityRequirement> global) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : global;
        return security != null && security.stream().anyMatch(s -> s.getSchemes() != null && !s.getSchemes().isEmpty());
    }

    private static void document(Operation operation, boolean problemComponent) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse response = operation.getResponses().getAPIResponse(STATUS);
        if (response == null) {
            Schema schema = problemComponent ? OASFactory.createSchema().ref(PROBLEM_SCHEMA)
                    : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
            response = OASFactory.createAPIResponse()
                    .description("The tenant is over its rate limit (problem type rate-limited): nothing of the request "
                            + "was read or done; resend after Retry-After seconds")
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(schema)
                            .addExample("rate limited", OASFactory.createExample().value(example()))));
            operation.getResponses().addAPIResponse(STATUS, response);
        }
        Map<String, Header> headers = response.getHeaders();
        if (headers == null || !headers.containsKey("Retry-After")) {
            response.addHeader("Retry-After", header("Seconds until the tenant's next request is accepted (at least 1)",
                    Schema.SchemaType.INTEGER, 1));
        }
        if (headers == null || !headers.containsKey(RateLimitFilter.HEADER)) {
            response.addHeader(RateLimitFilter.HEADER, header("What is left of the tenant's quota "
                    + "(draft-ietf-httpapi-ratelimit-headers): r = requests left, t = seconds until the quota is full again",
                    Schema.SchemaType.STRING, "\"default\";r=0;t=2"));
        }
        if (headers == null || !headers.containsKey(RateLimitFilter.POLICY_HEADER)) {
            response.addHeader(RateLimitFilter.POLICY_HEADER, header("The tenant's quota: q = requests at once (the "
                    + "burst), w = seconds an empty quota takes to refill", Schema.SchemaType.STRING,
                    "\"default\";q=10000;w=2"));
        }
    }

    private static Header header(String description, Schema.SchemaType type, Object example) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(type)).example(example);
    }

    /** The refusal as the filter writes it. */
    private static Map<String, Object> example() {
        Problem problem = RateLimitFilter.tooManyRequests(1);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.type());
        example.put("title", problem.title());
        example.put("status", problem.status());
        example.put("detail", problem.detail());
        return example;
    }
}
