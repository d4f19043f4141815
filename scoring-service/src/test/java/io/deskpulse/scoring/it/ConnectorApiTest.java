package io.deskpulse.scoring.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.deskpulse.platform.crypto.SecretCipher;
import io.deskpulse.scoring.service.Connectors;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The connectors API: create answers the URL and the secret once; the secret is stored encrypted and bound to its
 * connector; rotation keeps the previous secret for the grace asked; disable; every bad field named; tenants apart.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class ConnectorApiTest {

    private static final String ADMIN = "pied-admin-test-key-0001";
    private static final String OTHER_ADMIN = "oscorp-admin-test-key-0001";
    private static final String READ = "acme-read-test-key-0001";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Inject
    SecretCipher cipher;

    private static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    private static Response create(String key, String singleQuotedJson) {
        return as(key).contentType(ContentType.JSON).body(singleQuotedJson.replace('\'', '"')).post("/v1/connectors");
    }

    private String[] stored(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT secret, previous_secret, tenant_id FROM connectors WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }

    @Test
    void createAnswersTheUrlAndTheSecretOnceAndStoresItEncrypted() throws Exception {
        Response created = create(ADMIN, "{'platform': 'chatwoot', 'name': ' Support inbox ', 'options': {'allow_unsigned': true}}");
        created.then().statusCode(201).contentType(ContentType.JSON)
                .body("connector.platform", is("chatwoot")).body("connector.name", is("Support inbox"))
                .body("connector.options.allow_unsigned", is(true)).body("connector.status", is("active"))
                .body("connector.previous_secret_valid_until", nullValue()).body("connector.disabled_at", nullValue())
                .body("connector.created_by", is("key:c9e96c724a63"));
        String id = created.path("connector.id");
        String secret = created.path("secret");
        assertThat(id).matches("cn_[0-9a-f]{32}");
        assertThat(secret).hasSize(43);
        assertThat(created.<String>path("connector.webhook_url")).isEqualTo("https://ingest.example.test/v1/hooks/" + id);
        assertThat(created.header("Location")).endsWith("/v1/connectors/" + id);

        as(ADMIN).get("/v1/connectors/" + id).then().statusCode(200).body("id", is(id)).body("$", not(hasKey("secret")))
                .body("webhook_url", is("https://ingest.example.test/v1/hooks/" + id));
        String listed = as(ADMIN).get("/v1/connectors").then().statusCode(200).body("id", hasItem(id)).extract().asString();
        assertThat(listed).doesNotContain(secret);

        String[] row = stored(id);
        assertThat(row[0]).startsWith("v1.").doesNotContain(secret);
        assertThat(cipher.decrypt(row[0], Connectors.context("pied", id))).isEqualTo(secret);
        assertThat(row[1]).isNull();
        assertThat(row[2]).isEqualTo("pied");
    }

    @Test
    void aSecretSentIsKeptAndFreshdeskGetsItsAuthDefaults() throws Exception {
        Response basic = create(ADMIN, "{'platform': 'freshdesk', 'name': 'fd', 'secret': 'my-own-freshdesk-password-1'}");
        basic.then().statusCode(201).body("secret", is("my-own-freshdesk-password-1"))
                .body("connector.options.auth", is("basic"));
        String id = basic.path("connector.id");
        assertThat(cipher.decrypt(stored(id)[0], Connectors.context("pied", id))).isEqualTo("my-own-freshdesk-password-1");

        create(ADMIN, "{'platform': 'freshdesk', 'name': 'fd header', 'options': {'auth': 'header'}}").then().statusCode(201)
                .body("connector.options.auth", is("header"));
        create(ADMIN, "{'platform': 'zendesk', 'name': 'zd'}").then().statusCode(201)
                .body("connector.options.size()", is(0));
    }

    @Test
    void rotationKeepsThePreviousSecretForTheGraceAsked() throws Exception {
        Response created = create(ADMIN, "{'platform': 'zammad', 'name': 'zammad'}");
        String id = created.path("connector.id");
        String first = created.path("secret");

        Instant before = Instant.now();
        Response rotated = as(ADMIN).contentType(ContentType.JSON).body("{\"grace_period_s\": 3600}")
                .post("/v1/connectors/" + id + "/rotate");
        rotated.then().statusCode(200).body("connector.id", is(id)).body("secret", not(first));
        String second = rotated.path("secret");
        Instant until = Instant.parse(rotated.path("connector.previous_secret_valid_until"));
        assertThat(until).isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        String[] row = stored(id);
        assertThat(cipher.decrypt(row[0], Connectors.context("pied", id))).isEqualTo(second);
        assertThat(cipher.decrypt(row[1], Connectors.context("pied", id))).isEqualTo(first);

        // a secret sent is the new one; no body: the default grace (24 h)
        as(ADMIN).contentType(ContentType.JSON).body("{\"secret\": \"zendesk-generated-signing-secret\"}")
                .post("/v1/connectors/" + id + "/rotate").then().statusCode(200)
                .body("secret", is("zendesk-generated-signing-secret"));
        Instant defaultUntil = Instant.parse(as(ADMIN).contentType(ContentType.JSON).post("/v1/connectors/" + id + "/rotate").then().statusCode(200)
                .extract().path("connector.previous_secret_valid_until"));
        assertThat(defaultUntil).isAfter(before.plus(Duration.ofHours(23)));

        // zero grace: the previous secret is gone at once
        as(ADMIN).contentType(ContentType.JSON).body("{\"grace_period_s\": 0}").post("/v1/connectors/" + id + "/rotate")
                .then().statusCode(200).body("connector.previous_secret_valid_until", nullValue());
        assertThat(stored(id)[1]).isNull();
    }

    @Test
    void disableIsKeptAndListed() {
        String id = create(ADMIN, "{'platform': 'intercom', 'name': 'ic'}").path("connector.id");
        String at = as(ADMIN).post("/v1/connectors/" + id + "/disable").then().statusCode(200)
                .body("status", is("disabled")).body("disabled_at", notNullValue()).extract().path("disabled_at");
        as(ADMIN).post("/v1/connectors/" + id + "/disable").then().statusCode(200).body("disabled_at", is(at));
        as(ADMIN).get("/v1/connectors/" + id).then().statusCode(200).body("status", is("disabled"));
    }

    @Test
    void everyBadFieldIsNamed() {
        create(ADMIN, "{'platform': 'helpscout', 'name': '', 'options': {'auth': 'oauth', 'colour': 1}, 'secret': 'short', 'x': 1}")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("name", "options.auth", "options.auth", "options.colour", "platform",
                        "secret", "x"));
        create(ADMIN, "{'platform': 'zendesk', 'name': 'z', 'options': {'allow_unsigned': true}}").then().statusCode(422)
                .body("errors[0].field", is("options.allow_unsigned"))
                .body("errors[0].reason", is("is an option of chatwoot connectors only"));
        create(ADMIN, "{'platform': 'zammad', 'name': 'z', 'options': {'auth': 'basic'}}").then().statusCode(422)
                .body("errors[0].field", is("options.auth"));
        create(ADMIN, "{'name': 'n'}").then().statusCode(422).body("errors[0].field", is("platform"));
        create(ADMIN, "{'platform': 'zendesk', 'name': 'n', 'secret': 'with a space in it!'}").then().statusCode(422)
                .body("errors[0].field", is("secret"));
        create(ADMIN, "not json").then().statusCode(400).contentType(PROBLEM);
        as(ADMIN).contentType(ContentType.TEXT).body("{}").post("/v1/connectors").then().statusCode(415);

        String id = create(ADMIN, "{'platform': 'zammad', 'name': 'z'}").path("connector.id");
        for (String grace : new String[] {"-1", "2592001", "\"long\""}) {
            as(ADMIN).contentType(ContentType.JSON).body("{\"grace_period_s\": " + grace + "}")
                    .post("/v1/connectors/" + id + "/rotate").then().statusCode(422).contentType(PROBLEM)
                    .body("errors[0].field", is("grace_period_s"));
        }
        as(ADMIN).contentType(ContentType.JSON).body("{\"grace\": 1}").post("/v1/connectors/" + id + "/rotate")
                .then().statusCode(422).body("errors[0].field", is("grace"));
    }

    @Test
    void anotherTenantsConnectorIsNotFoundAndKeysNeedTheAdminScope() {
        String id = create(ADMIN, "{'platform': 'zendesk', 'name': 'zd'}").path("connector.id");
        as(OTHER_ADMIN).get("/v1/connectors/" + id).then().statusCode(404).contentType(PROBLEM);
        as(OTHER_ADMIN).contentType(ContentType.JSON).body("{}").post("/v1/connectors/" + id + "/rotate").then().statusCode(404);
        as(OTHER_ADMIN).post("/v1/connectors/" + id + "/disable").then().statusCode(404);
        as(OTHER_ADMIN).get("/v1/connectors").then().statusCode(200).body("id", not(hasItem(id)));
        as(ADMIN).get("/v1/connectors/not-an-id").then().statusCode(404).contentType(PROBLEM);
        as(ADMIN).get("/v1/connectors/" + id).then().statusCode(200).body("status", is("active"));

        as(READ).get("/v1/connectors").then().statusCode(403).contentType(PROBLEM);
        given().get("/v1/connectors").then().statusCode(401).contentType(PROBLEM);
    }
}
