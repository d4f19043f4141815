package io.deskpulse.scoring.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The test API keys of application.properties (only their SHA-256 is configured there) and short calls of the
 * settings API with them.
 */
public final class SettingsApi {

    /** SettingsApiTest's tenant. */
    public static final String ACME_ADMIN = "acme-admin-test-key-0001";
    /** SettingsApiTest's second tenant, which changes apart from acme. */
    public static final String SOYLENT_ADMIN = "soylent-admin-test-key-0001";
    /** SettingsConcurrencyTest's tenant. */
    public static final String GLOBEX_ADMIN = "globex-admin-test-key-0001";
    /** SettingsRecomputationTest's tenant. */
    public static final String CYBERDYNE_ADMIN = "cyberdyne-admin-test-key-0001";
    /** SettingsCacheTest's tenant. */
    public static final String TYRELL_ADMIN = "tyrell-admin-test-key-0001";
    /** Never used to change settings: initech stays at version 0. */
    public static final String INITECH_ADMIN = "initech-admin-test-key-0001";
    public static final String ACME_READ = "acme-read-test-key-0001";
    /** The first 12 hex digits of the SHA-256 of {@link #ACME_ADMIN}. */
    public static final String ACME_ADMIN_FINGERPRINT = "083854c91b44";

    private SettingsApi() {
    }

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    public static Response get(String key, String path) {
        return as(key).get(path);
    }

    public static Response put(String key, String json) {
        return as(key).contentType(ContentType.JSON).body(json).put("/v1/settings");
    }

    /** JSON written with single quotes, for legibility. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
