package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Found by the fuzz suite (issue 13): a body nested deeper than Jackson's limit was a 500, not a 400. */
class JsonBodiesTest {

    @Test
    void nestingDeeperThanTheParserAllowsIsUnreadableNotAnError() {
        String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);

        assertThatThrownBy(() -> JsonBodies.read(deep, "an exemption"))
                .isInstanceOf(UnreadableSettingsException.class)
                .hasMessageStartingWith("The body is not valid JSON: Document nesting depth (1001) exceeds the maximum allowed");
    }

    @Test
    void aSyntaxErrorStillNamesItsLineAndColumn() {
        assertThatThrownBy(() -> JsonBodies.read("{\n \"a\": }", "an exemption"))
                .isInstanceOf(UnreadableSettingsException.class)
                .hasMessageEndingWith("(line 2, column 7)");
    }

    @Test
    void aWellFormedBodyIsRead() {
        assertThat(JsonBodies.read("{\"a\":[1]}", "an exemption").path("a").get(0).asInt()).isEqualTo(1);
    }

    @Test
    void aNulCharacterIsRefusedNamingWhereItIs() {
        // found by the fuzz suite: an exemption's team "a\u0000b" reached PostgreSQL, which refused it: a 500
        assertThatThrownBy(() -> JsonBodies.read("{\"teams\":[\"billing\",\"a\\u0000b\"]}", "an exemption"))
                .isInstanceOf(UnreadableSettingsException.class)
                .hasMessage("The body holds the NUL character (\\u0000) at 'teams[1]'; no text may contain it");
    }
}
