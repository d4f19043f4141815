package io.deskpulse.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's static files (docs/dashboard.md): served without a key at / and under /ui/ (the data needs one, in
 * the browser), each with a Content-Security-Policy that allows no inline script; the page itself has none, and every
 * module it loads is there. The browser tests (e2e-tests' DashboardBrowserTest) check what the pages show.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class DashboardAssetsTest {

    private static final List<String> MODULES = List.of("/ui/app.js", "/ui/api.js", "/ui/pages.js", "/ui/dom.js",
            "/ui/format.js", "/ui/charts.js", "/ui/vendor/uplot/uPlot.esm.js");

    @Test
    void theIndexIsServedWithAPolicyThatForbidsInlineScripts() {
        Response index = given().get("/").then().statusCode(200).contentType("text/html").extract().response();
        assertPolicy(index);
        String html = index.asString();
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("every script is a file of the page's origin").contains("src=\"/ui/");
            assertThat(scripts.group(2).trim()).as("no inline script").isEmpty();
        }
        assertThat(count).isEqualTo(1);
        assertThat(html).doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=");
    }

    @Test
    void everyModuleAndTheChartLibraryAreServedUnderUiWithThePolicy() {
        for (String module : MODULES) {
            Response response = given().get(module).then().statusCode(200).extract().response();
            assertThat(response.contentType()).as(module).contains("javascript");
            assertPolicy(response);
        }
        assertPolicy(given().get("/ui/app.css").then().statusCode(200).contentType("text/css").extract().response());
        assertThat(given().get("/ui/vendor/uplot/LICENSE").then().statusCode(200).extract().asString())
                .contains("MIT License");
    }

    @Test
    void theDashboardCallsTheApiWithTheKeyInAHeaderOnly() {
        String api = given().get("/ui/api.js").then().statusCode(200).extract().asString();
        assertThat(api).contains("Authorization: `Bearer ${key}`").contains("sessionStorage");
        // the key of a sign-in link comes in the fragment, which browsers never send, and is removed from it
        assertThat(given().get("/ui/app.js").then().statusCode(200).extract().asString())
                .contains("history.replaceState");
    }

    @Test
    void theApiStillRefusesRequestsWithoutAKey() {
        given().get("/v1/kpis").then().statusCode(401).contentType("application/problem+json");
    }

    private static void assertPolicy(Response response) {
        String policy = response.header("Content-Security-Policy");
        assertThat(policy).as("Content-Security-Policy").isNotNull().contains("script-src 'self'")
                .contains("default-src 'none'").contains("connect-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
