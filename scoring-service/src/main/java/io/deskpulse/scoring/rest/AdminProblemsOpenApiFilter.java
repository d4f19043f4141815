package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.platform.rest.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every operation of the admin API answers a missing or unknown key (401), a key without the admin scope (403),
 * an Accept without JSON (406) and an unavailable database (503) the same way: documented here once, for every
 * operation under /v1/ that does not document them itself. Applied once, when the document is built. And what the
 * annotations cannot say: a nullable reference admits null (no type beside its anyOf that would refuse it), and a
 * nullable property with an enumeration lists null among its values (JSON Schema checks enum whatever the type).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AdminProblemsOpenApiFilter implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(AdminProblemsOpenApiFilter::nullables);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.getOperations().values().forEach(AdminProblemsOpenApiFilter::addCommonProblems);
            }
        });
    }

    private static void nullables(Schema schema) {
        if (schema.getItems() != null) {
            nullables(schema.getItems());
        }
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(property -> {
            nullables(property);
            List<Schema> anyOf = property.getAnyOf();
            if (anyOf != null && anyOf.stream().anyMatch(s -> List.of(Schema.SchemaType.NULL).equals(s.getType()))) {
                property.setType(null);
            }
            if (property.getType() != null && property.getType().contains(Schema.SchemaType.NULL)
                    && property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        });
    }

    private static void addCommonProblems(Operation operation) {
        APIResponses responses = operation.getResponses();
        add(responses, "401", "No API key, or an unknown one (with WWW-Authenticate: Bearer)", "no key",
                OpenApiExamples.UNAUTHORIZED);
        add(responses, "403", "The key lacks the admin scope", "read-only key", OpenApiExamples.FORBIDDEN);
        add(responses, "406", "Accept admits no application/json", "XML asked for", OpenApiExamples.NOT_ACCEPTABLE);
        if (!responses.hasAPIResponse("503")) {
            add(responses, "503", "The database is unavailable or a lock was not granted in time; nothing was changed: "
                    + "retry after Retry-After seconds", "database down", OpenApiExamples.DATABASE_UNAVAILABLE);
            responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    private static void add(APIResponses responses, String status, String description, String name, String example) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))
                        .addExample(name, OASFactory.createExample().value(parse(example)))));
        responses.addAPIResponse(status, response);
    }

    private static Map<String, Object> parse(String example) {
        try {
            return JSON.readValue(example, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("an OpenAPI example is not JSON: " + example, e);
        }
    }
}
