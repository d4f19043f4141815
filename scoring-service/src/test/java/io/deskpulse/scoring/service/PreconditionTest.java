package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** If-Match against the settings' ETag "<version>" (RFC 9110 13.1.1: strong comparison). */
class PreconditionTest {

    @Test
    void noHeaderOrAStarAlwaysHolds() {
        assertThat(Precondition.ifMatch(null).holds(4)).isTrue();
        assertThat(Precondition.ifMatch(" ").holds(4)).isTrue();
        assertThat(Precondition.ifMatch("*").holds(0)).isTrue();
    }

    @Test
    void aTagHoldsForItsVersionOnly() {
        assertThat(Precondition.ifMatch("\"4\"").holds(4)).isTrue();
        assertThat(Precondition.ifMatch("\"4\"").holds(5)).isFalse();
        assertThat(Precondition.ifMatch("\"0\"").holds(0)).isTrue();
        assertThat(Precondition.ifMatch("\"3\", \"4\"").holds(4)).isTrue();
    }

    @Test
    void weakOrMalformedTagsNeverHold() {
        assertThat(Precondition.ifMatch("W/\"4\"").holds(4)).isFalse();
        assertThat(Precondition.ifMatch("4").holds(4)).isFalse();
        assertThat(Precondition.ifMatch("\"four\"").holds(4)).isFalse();
    }
}
