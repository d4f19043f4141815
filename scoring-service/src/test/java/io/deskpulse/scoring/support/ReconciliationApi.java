package io.deskpulse.scoring.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The reconciliation tests' tenant, its key (application.properties has its SHA-256), and short calls. */
public final class ReconciliationApi {

    public static final String TENANT = "oscorp";
    public static final String ADMIN = "oscorp-admin-test-key-0001";

    private ReconciliationApi() {
    }

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** POST /v1/reconciliations with a body written with single quotes, for legibility. */
    public static Response post(String key, String singleQuotedJson) {
        return as(key).contentType(ContentType.JSON).body(singleQuotedJson.replace('\'', '"')).post("/v1/reconciliations");
    }
}
