package io.deskpulse.scoring.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Test keys (application.properties has their SHA-256) of the tenants the manager-feature tests use, and short calls. */
public final class AdminApi {

    /** Scoring models and exemptions. */
    public static final String UMBRELLA_ADMIN = "umbrella-admin-test-key-0001";
    public static final String UMBRELLA_READ = "umbrella-read-test-key-0001";
    /** Alert rules, alerts and webhooks. */
    public static final String HOOLI_ADMIN = "hooli-admin-test-key-0001";
    /** Report webhooks. */
    public static final String WONKA_ADMIN = "wonka-admin-test-key-0001";
    /** Period reports. */
    public static final String STARK_ADMIN = "stark-admin-test-key-0001";

    private AdminApi() {
    }

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    public static Response put(String key, String path, String json) {
        return as(key).contentType(ContentType.JSON).body(json).put(path);
    }

    public static Response post(String key, String path, String json) {
        return as(key).contentType(ContentType.JSON).body(json).post(path);
    }

    /** JSON written with single quotes, for legibility. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
