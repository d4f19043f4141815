package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.platform.security.SecurityProblems;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.report.UnknownReportException;
import io.deskpulse.reporting.rest.body.BodyWriter;
import io.deskpulse.reporting.rest.body.CsvRecords;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents what every report endpoint ({@code GET /v1/...}) shares, once, instead of in each resource's
 * annotations: the paging and representation parameters ({@code limit}, {@code cursor}, {@code format},
 * {@code If-None-Match}), the {@code ETag}, {@code Link} and {@code Vary} headers of a 200, and the 304,
 * 400, 401, 403, 404, 406 and 503 answers with their problem examples (the problems the mappers write). The 400
 * example names the operation's own parameters. The 200's examples are built from its schema's, so that the body
 * records' {@code @Schema} examples are their only source; its CSV names the schema of one record
 * ({@code contentSchema}: the JSON rows' unless the operation names its own). What an operation documents itself is
 * left as it is. A repeatable (array) parameter's single example becomes a one-value array, which is what its schema
 * admits; a nullable property with an enumeration lists null among its values.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 1)
public class StandardResponsesFilter implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = Problem.MEDIA_TYPE;
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String SCHEMAS = "#/components/schemas/";
    // The platform's refusals, as its scope filter writes them.
    private static final Problem UNAUTHORIZED = SecurityProblems.missingKey();
    private static final Problem FORBIDDEN = SecurityProblems.lacksScope(Scope.READ.label());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, Schema> scalars = new HashMap<>();
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null && schema.getFormat() != null) {
                scalars.put(SCHEMAS + name, schema);
            }
        });
        schemas.values().forEach(schema -> properties(schema, scalars));
        scalars.keySet().forEach(ref -> openAPI.getComponents().removeSchema(ref.substring(SCHEMAS.length())));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Operation get = item.getGET();
            if (path.startsWith("/v1/") && get != null) {
                parameters(get);
                responses(get);
                bodyExamples(get.getResponses().getAPIResponse("200"), schemas);
            }
        });
    }

    /**
     * What the annotations cannot say, in every property: a date or an instant is a string with its format, not a
     * component of its own (the scalar components are inlined); a nullable reference admits null (no type beside its
     * anyOf that would refuse it); a nullable property with an enumeration lists null among its values (JSON Schema:
     * enum is checked whatever the type).
     */
    private static void properties(Schema schema, Map<String, Schema> scalars) {
        if (schema.getItems() != null) {
            properties(schema.getItems(), scalars);
        }
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(property -> {
            properties(property, scalars);
            List<Schema> anyOf = property.getAnyOf();
            boolean nullable = anyOf != null && anyOf.size() == 2 && anyOf.get(1).getType() != null
                    && anyOf.get(1).getType().equals(List.of(SchemaType.NULL));
            Schema scalar = scalars.get(nullable ? anyOf.get(0).getRef() : property.getRef());
            if (scalar != null) {
                property.setAnyOf(null);
                property.setRef(null);
                property.setType(new ArrayList<>(scalar.getType()));
                property.setFormat(scalar.getFormat());
                if (nullable) {
                    property.addType(SchemaType.NULL);
                }
            } else if (nullable) {
                property.setType(null);
            }
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
        Schema schema = parameter.getSchema();
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
                UNAUTHORIZED);
        problem(responses, "403", "The key lacks the read scope", "ingest-only key", FORBIDDEN);
        // Only the period reports' paths name data that may be missing: a report the tenant does not have.
        problem(responses, "404", null, "unknown",
                ProblemMappers.unknownReport(new UnknownReportException("99").getMessage()));
        // Only the contributions' path: items a tenant chose not to keep.
        problem(responses, "409", null, "not kept", ProblemMappers.contributionsNotKept());
        problem(responses, "406", "Accept admits neither application/json nor text/csv", "XML asked for",
                ProblemMappers.notAcceptable("application/xml"));
        problem(responses, "503", "The database is unavailable or the query timed out; retry later", "database down",
                ProblemMappers.databaseUnavailable());
    }

    private static void header(APIResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING));
            response.addHeader(name, header);
        }
    }

    /**
     * Adds the answer {@code status} with its problem example, unless the operation documents it; a status it
     * documents without a body ({@code description} null: only when it does) gets the problem body.
     */
    private static void problem(APIResponses responses, String status, String description, String exampleName,
                                Problem example) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null && description == null || response != null && response.getContent() != null) {
            return;
        }
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        }
        response.content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                .addExample(exampleName, OASFactory.createExample().value(JSON.convertValue(example, Map.class)))));
    }

    /** A 400 as this operation gives it: a bad limit and a parameter it does not have, listing its own parameters. */
    private static Problem invalid(Operation get) {
        List<String> names = new ArrayList<>();
        if (get.getParameters() != null) {
            get.getParameters().stream().filter(p -> p.getIn() == Parameter.In.QUERY).map(Parameter::getName)
                    .forEach(names::add);
        }
        return ProblemMappers.invalidParameters(List.of(
                new ParameterError("limit", "must be an integer from 1 to 10000; got '0'"),
                new ParameterError("colour", "is not a parameter of this endpoint (known: " + String.join(", ", names)
                        + ")")));
    }

    /**
     * The 200's JSON example, built from its schema's examples, and its CSV's: the {@code contentSchema} of one record
     * (the JSON rows' unless the operation names its own) with a header and one record of its examples.
     */
    private static void bodyExamples(APIResponse ok, Map<String, Schema> schemas) {
        MediaType json = ok.getContent().getMediaType("application/json");
        MediaType csv = ok.getContent().getMediaType("text/csv");
        if (csv.getSchema().getContentSchema() == null) {
            Schema rows = resolve(json.getSchema(), schemas).getProperties().get("rows");
            csv.getSchema().contentMediaType("text/csv").contentSchema(OASFactory.createSchema()
                    .ref(rows.getItems().getRef()));
        }
        if (json.getExamples() == null || json.getExamples().isEmpty()) {
            json.addExample("a page", OASFactory.createExample().value(example(json.getSchema(), schemas, "")));
        }
        if (csv.getExamples() == null || csv.getExamples().isEmpty()) {
            Schema record = resolve(csv.getSchema().getContentSchema(), schemas);
            List<String> columns = new ArrayList<>(record.getProperties().keySet());
            List<Object> values = new ArrayList<>();
            record.getProperties().forEach((column, schema) -> values.add(example(schema, schemas, column)));
            csv.addExample("a record", OASFactory.createExample()
                    .value(BodyWriter.csvText(new CsvRecords(columns, List.of(values)))));
        }
    }

    /** An example of a value of {@code schema}: its own, else one built from its properties or items. */
    private static Object example(Schema schema, Map<String, Schema> schemas, String where) {
        Schema resolved = resolve(schema, schemas);
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (resolved.getExamples() != null && !resolved.getExamples().isEmpty()) {
            return resolved.getExamples().get(0);
        }
        if (resolved.getAnyOf() != null) {
            return example(resolved.getAnyOf().get(0), schemas, where);
        }
        if (resolved.getItems() != null) {
            return List.of(example(resolved.getItems(), schemas, where + "[]"));
        }
        if (resolved.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            resolved.getProperties().forEach((name, property) -> object.put(name, example(property, schemas,
                    where + "." + name)));
            return object;
        }
        if (resolved.getType() != null && resolved.getType().contains(SchemaType.NULL)) {
            return null;
        }
        throw new IllegalStateException("the OpenAPI document has no example for " + where
                + ": give its @Schema an example");
    }

    private static Schema resolve(Schema schema, Map<String, Schema> schemas) {
        return schema.getRef() == null ? schema : resolve(schemas.get(schema.getRef().substring(SCHEMAS.length())), schemas);
    }
}
