package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.UMBRELLA_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.UMBRELLA_READ;
import static io.deskpulse.scoring.support.AdminApi.as;
import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.post;
import static io.deskpulse.scoring.support.AdminApi.put;
import static io.deskpulse.scoring.support.SettingsApi.INITECH_ADMIN;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Exemption periods over HTTP: create, list, read, replace, delete, If-Match, overlaps, every error. Year 2031 is theirs. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class ExemptionApiTest {

    static final String PATH = "/v1/settings/exemptions";

    static String exemption(String teams, String from, String to) {
        return json("{'teams': " + teams + ", 'from': '" + from + "', 'to': '" + to + "', 'reason': 'Product recall R-12',"
                + " 'relaxed_targets': {'csat_avg': 4.0, 'handle_avg_s': 450}, 'left_out': ['fcr_rate']}");
    }

    @Test
    void createReadReplaceDelete() {
        String location = as(UMBRELLA_ADMIN).header("X-DeskPulse-Actor", "jane.doe@example.com").contentType(ContentType.JSON)
                .body(exemption("['billing', 'accounts']", "2031-03-02", "2031-03-04")).post(PATH)
                .then().statusCode(201).header("ETag", "\"1\"")
                .body("version", is(1)).body("teams", contains("accounts", "billing"))
                .body("from", is("2031-03-02")).body("to", is("2031-03-04")).body("reason", is("Product recall R-12"))
                .body("relaxed_targets.csat_avg", is(4)).body("relaxed_targets.handle_avg_s", is(450))
                .body("left_out", contains("fcr_rate")).body("created_by", is("jane.doe@example.com"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as(UMBRELLA_ADMIN).get(PATH + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("id", is(Integer.parseInt(id)));
        as(UMBRELLA_ADMIN).get(PATH).then().statusCode(200).body("id", hasItem(Integer.parseInt(id)));

        as(UMBRELLA_ADMIN).header("If-Match", "\"1\"").header("X-DeskPulse-Actor", "ops").contentType(ContentType.JSON)
                .body(exemption("null", "2031-03-02", "2031-03-05")).put(PATH + "/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", is(2)).body("teams", nullValue())
                .body("to", is("2031-03-05")).body("updated_by", is("ops")).body("created_by", is("jane.doe@example.com"));
        as(UMBRELLA_ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(exemption("null", "2031-03-02", "2031-03-06")).put(PATH + "/" + id)
                .then().statusCode(412).header("ETag", "\"2\"").body("type", endsWith("/version-conflict"))
                .body("detail", containsString(PATH + "/" + id));
        as(UMBRELLA_ADMIN).header("If-Match", "\"1\"").delete(PATH + "/" + id).then().statusCode(412);
        as(UMBRELLA_ADMIN).header("If-Match", "\"2\"").delete(PATH + "/" + id).then().statusCode(204);
        as(UMBRELLA_ADMIN).get(PATH + "/" + id).then().statusCode(404).body("type", endsWith("/not-found"));
        as(UMBRELLA_ADMIN).get(PATH).then().body("id", not(hasItem(Integer.parseInt(id))));
    }

    @Test
    void exemptionsMustNotShareADayAndATeam() {
        int first = post(UMBRELLA_ADMIN, PATH, exemption("['support']", "2031-05-10", "2031-05-12")).then().statusCode(201)
                .extract().path("id");
        // another team on the same days, or the same team on other days: fine
        post(UMBRELLA_ADMIN, PATH, exemption("['sales']", "2031-05-10", "2031-05-12")).then().statusCode(201);
        int later = post(UMBRELLA_ADMIN, PATH, exemption("['support']", "2031-05-13", "2031-05-13")).then().statusCode(201)
                .extract().path("id");
        // every team on a day of the first: overlaps
        post(UMBRELLA_ADMIN, PATH, exemption("null", "2031-05-12", "2031-05-20")).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/overlapping-exemption"))
                .body("detail", containsString("exemption " + first + " (2031-05-10..2031-05-12, teams support"));
        // moving the later one onto the first one's days
        put(UMBRELLA_ADMIN, PATH + "/" + later, exemption("['ops', 'support']", "2031-05-11", "2031-05-13"))
                .then().statusCode(409).body("detail", containsString("exemption " + first));
        // an exemption may be replaced by itself, days moved within its own
        put(UMBRELLA_ADMIN, PATH + "/" + first, exemption("['support']", "2031-05-10", "2031-05-11")).then().statusCode(200);
    }

    @Test
    void invalidExemptionsAre400ListingEveryField() {
        post(UMBRELLA_ADMIN, PATH, json("""
                {'teams': [], 'from': '2031-02-30', 'to': '2031-01-01', 'reason': ' ',
                 'relaxed_targets': {'csat': 4, 'handle_avg_s': -1}, 'left_out': ['csat_avg', 'csat_avg'], 'why': 1}"""))
                .then().statusCode(400).contentType("application/problem+json").body("type", endsWith("/invalid-settings"))
                .body("errors.field", contains("why", "teams", "from", "reason", "relaxed_targets.csat",
                        "relaxed_targets.handle_avg_s", "left_out[1]"));
        post(UMBRELLA_ADMIN, PATH, json("{'from': '2031-01-01', 'to': '2032-01-02', 'reason': 'long', 'left_out': ['nps']}"))
                .then().statusCode(400).body("errors.field", contains("to"))
                .body("errors[0].reason", containsString("at most 366 days"));
        post(UMBRELLA_ADMIN, PATH, json("{'from': '2031-01-01', 'to': '2031-01-01', 'reason': 'nothing'}"))
                .then().statusCode(400).body("errors[0].reason", containsString("changes nothing"));
        post(UMBRELLA_ADMIN, PATH, json("{'from': '2031-01-01', 'to': '2031-01-01', 'reason': 'both',"
                + " 'relaxed_targets': {'nps': 10}, 'left_out': ['nps']}"))
                .then().statusCode(400).body("errors.field", contains("relaxed_targets.nps"));
        post(UMBRELLA_ADMIN, PATH, "[").then().statusCode(400).body("type", endsWith("/unreadable-body"));
        post(UMBRELLA_ADMIN, PATH, "[]").then().statusCode(400).body("type", endsWith("/invalid-settings"));
        put(UMBRELLA_ADMIN, PATH + "/999999", exemption("null", "2031-09-01", "2031-09-01")).then().statusCode(404);
        as(UMBRELLA_ADMIN).delete(PATH + "/abc").then().statusCode(404);
    }

    @Test
    void keysAndTenants() {
        int id = post(UMBRELLA_ADMIN, PATH, exemption("['iso']", "2031-11-01", "2031-11-01")).then().statusCode(201)
                .extract().path("id");
        as(INITECH_ADMIN).get(PATH + "/" + id).then().statusCode(404);
        as(INITECH_ADMIN).delete(PATH + "/" + id).then().statusCode(404);
        as(INITECH_ADMIN).get(PATH).then().statusCode(200).body("id", not(hasItem(id)));
        as(UMBRELLA_READ).get(PATH).then().statusCode(403);
        as(UMBRELLA_READ).contentType(ContentType.JSON).body("{}").post(PATH).then().statusCode(403);
    }
}
