package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.HOOLI_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.UMBRELLA_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.UMBRELLA_READ;
import static io.deskpulse.scoring.support.AdminApi.as;
import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.post;
import static io.deskpulse.scoring.support.AdminApi.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The alert rules API: create, read, replace, delete, If-Match, secrets never shown, every error, keys and tenants. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class AlertRuleApiTest {

    static final String PATH = "/v1/alert-rules";
    static final String RULE = json("""
            {'name': 'Chat first response too slow', 'metric': 'first_response_avg_s', 'dimension': 'team',
             'ids': ['sales', 'billing'], 'channel': 'chat', 'window_minutes': 120, 'comparison': '>', 'threshold': 120.5,
             'min_volume': 5, 'enabled': false,
             'webhook': {'url': 'https://hooks.example.com/deskpulse', 'secret': 'whsec-0123456789abcdef'}}""");

    @Test
    void createReadReplaceDelete() {
        String location = as(UMBRELLA_ADMIN).header("X-DeskPulse-Actor", "jane.doe@example.com").contentType(ContentType.JSON)
                .body(RULE).post(PATH).then().statusCode(201).header("ETag", "\"1\"")
                .body("version", is(1)).body("name", is("Chat first response too slow")).body("enabled", is(false))
                .body("metric", is("first_response_avg_s")).body("dimension", is("team"))
                .body("ids", contains("billing", "sales")).body("channel", is("chat")).body("window_minutes", is(120))
                .body("comparison", is(">")).body("threshold", is(120.5f)).body("min_volume", is(5))
                .body("webhook.url", is("https://hooks.example.com/deskpulse")).body("webhook", not(hasKey("secret")))
                .body("created_by", is("jane.doe@example.com"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as(UMBRELLA_ADMIN).get(PATH + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("webhook", not(hasKey("secret")));
        as(UMBRELLA_ADMIN).get(PATH).then().statusCode(200).body("id", hasItem(Integer.parseInt(id)));

        // a PUT without the secret keeps it; without the webhook removes it
        as(UMBRELLA_ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(RULE.replace(", \"secret\": \"whsec-0123456789abcdef\"", "").replace("120.5", "150"))
                .put(PATH + "/" + id).then().statusCode(200).header("ETag", "\"2\"").body("threshold", is(150))
                .body("webhook.url", is("https://hooks.example.com/deskpulse"));
        put(UMBRELLA_ADMIN, PATH + "/" + id, json("{'name': 'n', 'metric': 'complaints', 'comparison': '>', 'threshold': 1}"))
                .then().statusCode(200).body("version", is(3)).body("webhook", nullValue()).body("dimension", is("tenant"));
        // and a webhook added back needs a secret again
        put(UMBRELLA_ADMIN, PATH + "/" + id, RULE.replace(", \"secret\": \"whsec-0123456789abcdef\"", ""))
                .then().statusCode(400).body("type", endsWith("/invalid-alert-rule"))
                .body("errors.field", contains("webhook.secret"));

        as(UMBRELLA_ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(RULE).put(PATH + "/" + id)
                .then().statusCode(412).header("ETag", "\"3\"").body("detail", containsString(PATH + "/" + id));
        as(UMBRELLA_ADMIN).header("If-Match", "\"2\"").delete(PATH + "/" + id).then().statusCode(412);
        as(UMBRELLA_ADMIN).header("If-Match", "\"3\"").delete(PATH + "/" + id).then().statusCode(204);
        as(UMBRELLA_ADMIN).get(PATH + "/" + id).then().statusCode(404).body("type", endsWith("/not-found"));
        as(UMBRELLA_ADMIN).get(PATH + "/" + id + "/deliveries").then().statusCode(404);
    }

    @Test
    void invalidRulesAre400() {
        post(UMBRELLA_ADMIN, PATH, json("{'name': 'x', 'metric': 'nps', 'window_minutes': 45, 'comparison': '<',"
                + " 'threshold': 0, 'webhook': {'url': 'http://hooks.example.com/x'}}"))
                .then().statusCode(400).contentType("application/problem+json").body("type", endsWith("/invalid-alert-rule"))
                .body("title", is("Invalid alert rule")).body("errors.field", contains("window_minutes"));
        post(UMBRELLA_ADMIN, PATH, json("{'name': 'x', 'metric': 'nps', 'comparison': '<', 'threshold': 0,"
                + " 'webhook': {'url': 'http://hooks.example.com/x'}}"))
                .then().statusCode(400).body("errors.field", contains("webhook.secret"));
        post(UMBRELLA_ADMIN, PATH, "{").then().statusCode(400).body("type", endsWith("/unreadable-body"));
        post(UMBRELLA_ADMIN, PATH, "1").then().statusCode(400).body("type", endsWith("/invalid-alert-rule"));
        as(UMBRELLA_ADMIN).contentType(ContentType.TEXT).body("{}").post(PATH).then().statusCode(415);
        put(UMBRELLA_ADMIN, PATH + "/999999999", RULE).then().statusCode(404);
        as(UMBRELLA_ADMIN).get(PATH + "/x1").then().statusCode(404);
    }

    @Test
    void keysAndTenants() {
        int id = post(UMBRELLA_ADMIN, PATH, RULE).then().statusCode(201).extract().path("id");
        as(HOOLI_ADMIN).get(PATH + "/" + id).then().statusCode(404);
        as(HOOLI_ADMIN).delete(PATH + "/" + id).then().statusCode(404);
        as(HOOLI_ADMIN).get(PATH).then().statusCode(200).body("id", not(hasItem(id)));
        as(UMBRELLA_READ).get(PATH).then().statusCode(403);
        io.restassured.RestAssured.given().get(PATH).then().statusCode(401);
        as(UMBRELLA_ADMIN).delete(PATH + "/" + id).then().statusCode(204);
    }
}
