package io.deskpulse.ingestion.rest;

import static io.restassured.RestAssured.when;

import java.util.HashMap;
import java.util.Map;

/** Reads the Prometheus text of /q/metrics into name{labels} -> value. */
final class Metrics {

    private Metrics() {
    }

    static Map<String, Double> read() {
        String text = when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("deskpulse_")) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }
}
