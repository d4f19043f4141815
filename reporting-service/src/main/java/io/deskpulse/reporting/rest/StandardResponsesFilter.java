package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents what every report endpoint ({@code GET /v1/...}) shares, once, instead of in each resource's
 * annotations: the paging and representation parameters ({@code limit}, {@code cursor}, {@code format},
 * {@code If-None-Match}), the {@code ETag}, {@code Link} and {@code Vary} headers of a 200, and the 304,
 * 400, 401, 403, 406 and 503 answers with their problem examples. The 400 example names the operation's own
 * parameters. What an operation documents itself is left as it is. A repeatable (array) parameter's single
 * example becomes a one-value array, which is what its schema admits.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StandardResponsesFilter implements OASFilter {

    /**
     * The extension of a {@code text/csv} content whose records are not the JSON rows (reports whose rows nest, such
     * as scorecards): a {@code $ref} to the schema of one CSV record, its properties the columns in order.
     */
    public static final String CSV_RECORD = "x-csv-record";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = Problem.MEDIA_TYPE;
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(StandardResponsesFilter::nullInEnumerations);
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Operation get = item.getGET();
            if (path.startsWith("/v1/") && get != null) {
                parameters(get);
                responses(get);
            }
        });
    }

    /**
     * A nullable property with an enumeration must list null among its values (JSON Schema: enum is checked
     * whatever the type), which the annotations cannot say.
     */
    private static void nullInEnumerations(org.eclipse.microprofile.openapi.models.media.Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(property -> {
            if (property.getType() != null && property.getType().contains(SchemaType.NULL)
                    && property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        });
    }

    private static void parameters(Operation get) {
        if (get.getParameters() != null) {
            get.getParameters().forEach(StandardResponsesFilter::arrayExample);
        }
        add(get, OASFactory.createParameter().name("limit").in(Parameter.In.QUERY).description("Rows per page")
                .schema(OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(10000)).defaultValue(1000)).example(100));
        add(get, OASFactory.createParameter().name("cursor").in(Parameter.In.QUERY)
                .description("next_cursor of the previous page (opaque); only valid with the same query; empty = first page")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING)).example(""));
        add(get, OASFactory.createParameter().name("format").in(Parameter.In.QUERY)
                .description("csv or json; overrides the Accept header (text/csv or application/json)")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).enumeration(List.of("json", "csv")))
                .example("csv"));
        add(get, OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("The ETag of a previous answer: 304 without a body if it is still current")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING)).example("\"8HAq3lQbHqhdL9cEc2EImQ\""));
    }

    private static void arrayExample(Parameter parameter) {
        org.eclipse.microprofile.openapi.models.media.Schema schema = parameter.getSchema();
        Object example = parameter.getExample();
        if (schema == null || schema.getType() == null || !schema.getType().contains(SchemaType.ARRAY)
                || example == null || example instanceof List<?>) {
            return;
        }
        boolean integers = schema.getItems() != null && schema.getItems().getType() != null
                && schema.getItems().getType().contains(SchemaType.INTEGER);
        parameter.setExample(List.of(integers ? Long.valueOf(example.toString()) : example));
    }

    private static void add(Operation get, Parameter parameter) {
        boolean present = get.getParameters() != null && get.getParameters().stream()
                .anyMatch(p -> p.getName().equals(parameter.getName()) && p.getIn() == parameter.getIn());
        if (!present) {
            get.addParameter(parameter);
        }
    }

    private static void responses(Operation get) {
        APIResponses responses = get.getResponses();
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null) {
            header(ok, "ETag", "Strong tag of the exact body; send it back in If-None-Match");
            header(ok, "Link", "<URL of the next page>; rel=\"next\", only when there is one");
            header(ok, "Vary", "Accept: the representation depends on it");
        }
        if (!responses.hasAPIResponse("304")) {
            APIResponse notModified = OASFactory.createAPIResponse()
                    .description("If-None-Match named the current ETag: nothing changed");
            header(notModified, "ETag", "The current tag");
            responses.addAPIResponse("304", notModified);
        }
        problem(responses, "400", "Invalid parameters, every one listed", "every bad parameter", invalid(get));
        problem(responses, "401", "No API key, or an unknown one (with WWW-Authenticate: Bearer)", "no key",
                OpenApiExamples.UNAUTHORIZED);
        problem(responses, "403", "The key lacks the read scope", "ingest-only key", OpenApiExamples.FORBIDDEN);
        problem(responses, "406", "Accept admits neither application/json nor text/csv", "XML asked for",
                OpenApiExamples.NOT_ACCEPTABLE);
        problem(responses, "503", "The database is unavailable or the query timed out; retry later", "database down",
                OpenApiExamples.DATABASE_UNAVAILABLE);
    }

    private static void header(APIResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING));
            response.addHeader(name, header);
        }
    }

    private static void problem(APIResponses responses, String status, String description, String exampleName,
                                String example) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                        .addExample(exampleName, OASFactory.createExample().value(parse(example))))));
    }

    /** A 400 as this operation gives it: a bad limit and a parameter it does not have, listing its own parameters. */
    private static String invalid(Operation get) {
        List<String> names = new ArrayList<>();
        if (get.getParameters() != null) {
            get.getParameters().stream().filter(p -> p.getIn() == Parameter.In.QUERY).map(Parameter::getName)
                    .forEach(names::add);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://deskpulse.io/problems/invalid-parameters");
        problem.put("title", "Invalid parameters");
        problem.put("status", 400);
        problem.put("detail", "2 parameters are invalid");
        problem.put("errors", List.of(
                Map.of("field", "limit", "reason", "must be an integer from 1 to 10000; got '0'"),
                Map.of("field", "colour", "reason", "is not a parameter of this endpoint (known: "
                        + String.join(", ", names) + ")")));
        try {
            return JSON.writeValueAsString(problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
