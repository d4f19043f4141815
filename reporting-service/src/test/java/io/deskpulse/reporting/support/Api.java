package io.deskpulse.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Requests to /v1/kpis and their JSON read with key order and number types kept (Jackson, not JsonPath floats). */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    /** Query strings are sent exactly as written (the tests encode what needs encoding). */
    public static RequestSpecification as(String key) {
        return RestAssured.given().urlEncodingEnabled(false).header("Authorization", "Bearer " + key);
    }

    /** GET /v1/kpis?{query} with the key; asserts 200 and returns the parsed body. */
    public static Map<String, Object> page(String key, String query) {
        Response response = as(key).get("/v1/kpis?" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return parse(response.asString());
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(String key, String query) {
        return (List<Map<String, Object>>) page(key, query).get("rows");
    }

    public static Map<String, Object> parse(String body) {
        try {
            return JSON.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts a 400 invalid-parameters problem with exactly one error, on {@code field}, whose reason holds {@code reason}. */
    public static void assertOneInvalidParameter(io.restassured.response.Response response, String field, String reason) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) parse(response.asString()).get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly(field);
        assertThat((String) errors.get(0).get("reason")).contains(reason);
    }

    /** A JSON number as a long (Jackson reads small integers as Integer). */
    public static long count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    public static Double decimal(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
