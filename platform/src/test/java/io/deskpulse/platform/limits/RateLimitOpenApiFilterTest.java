package io.deskpulse.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** The 429 is documented on every operation that requires a key, and only there; an operation's own 429 is kept. */
class RateLimitOpenApiFilterTest {

    static Operation operation(boolean secured) {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        if (secured) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("apiKey"));
        }
        return operation;
    }

    @Test
    void everyOperationThatRequiresAKeyListsThe429WithItsHeaders() {
        Operation secured = operation(true);
        Operation open = operation(false);
        Operation own = operation(true);
        own.getResponses().addAPIResponse("429", OASFactory.createAPIResponse().description("Over the limit, or too many uploads")
                .addHeader("Retry-After", OASFactory.createHeader().description("Seconds")));
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/v1/kpis", OASFactory.createPathItem().GET(secured).POST(own))
                .addPathItem("/status", OASFactory.createPathItem().GET(open)))
                .components(OASFactory.createComponents().addSchema("Problem", OASFactory.createSchema()));

        new RateLimitOpenApiFilter().filterOpenAPI(openAPI);

        APIResponse added = secured.getResponses().getAPIResponse("429");
        assertThat(added.getHeaders()).containsOnlyKeys("Retry-After", "RateLimit", "RateLimit-Policy");
        assertThat(added.getContent().getMediaType("application/problem+json").getSchema().getRef())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(added.getContent().getMediaType("application/problem+json").getExamples().get("rate limited").getValue())
                .isEqualTo(Map.of("type", "https://deskpulse.io/problems/rate-limited", "title", "Too many requests",
                        "status", 429, "detail", "This tenant sent more requests than its rate limit allows; retry after 1 s "
                                + "(Retry-After)."));
        APIResponse kept = own.getResponses().getAPIResponse("429");
        assertThat(kept.getDescription()).isEqualTo("Over the limit, or too many uploads");
        assertThat(kept.getHeaders()).containsOnlyKeys("Retry-After", "RateLimit", "RateLimit-Policy");
        assertThat(kept.getHeaders().get("Retry-After").getDescription()).isEqualTo("Seconds");
        assertThat(open.getResponses().getAPIResponse("429")).isNull();
    }
}
