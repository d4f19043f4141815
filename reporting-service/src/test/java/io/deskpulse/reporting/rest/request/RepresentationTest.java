package io.deskpulse.reporting.rest.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepresentationTest {

    @Test
    void jsonByDefaultAndOnTies() {
        assertThat(Representation.negotiate(null)).contains(Representation.JSON);
        assertThat(Representation.negotiate("*/*")).contains(Representation.JSON);
        assertThat(Representation.negotiate("text/csv, application/json")).contains(Representation.JSON);
    }

    @Test
    void csvWhenPreferred() {
        assertThat(Representation.negotiate("text/csv")).contains(Representation.CSV);
        assertThat(Representation.negotiate("text/*")).contains(Representation.CSV);
        assertThat(Representation.negotiate("application/json;q=0.5, text/csv")).contains(Representation.CSV);
        assertThat(Representation.negotiate("text/html, application/xhtml+xml, */*;q=0.8")).contains(Representation.JSON);
    }

    @Test
    void mostSpecificRangeDecides() {
        // */* accepts anything, but application/json;q=0 excludes JSON explicitly.
        assertThat(Representation.negotiate("application/json;q=0, */*")).contains(Representation.CSV);
    }

    @Test
    void nothingAcceptable() {
        assertThat(Representation.negotiate("application/xml")).isEmpty();
        assertThat(Representation.negotiate("text/csv;q=0, application/json;q=0")).isEmpty();
        assertThat(Representation.negotiate("garbage")).isEmpty();
    }

    @Test
    void formatNames() {
        assertThat(Representation.fromFormat("CSV")).contains(Representation.CSV);
        assertThat(Representation.fromFormat("xml")).isEmpty();
    }
}
