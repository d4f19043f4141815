package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Event times outside [earliest, now + max ahead] are refused naming {@code time}; inside, nothing changes. */
class EventTimeWindowTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final EventValidator VALIDATOR = EventValidator.fromClasspath(MAPPER,
            new EventTimeWindow(EventTimeWindow.DEFAULT_EARLIEST, Duration.ofDays(1), NOW));
    private static final String REFUSAL =
            "must lie between 2000-01-01T00:00:00Z and 1 day after the server's clock (2026-12-08T10:00:00Z)";

    private static Iterable<Violation> validate(String time) throws Exception {
        return VALIDATOR.normaliseAndValidate((ObjectNode) MAPPER.readTree("{\"specversion\":\"1.0\",\"id\":\"e-1\","
                + "\"source\":\"zendesk/acme\",\"type\":\"ticket.created\",\"time\":\"" + time + "\","
                + "\"data\":{\"ticket_id\":\"T-1\",\"channel\":\"chat\"}}"));
    }

    @Test
    void timesInsideTheWindowAreAccepted() throws Exception {
        assertThat(validate("2000-01-01T00:00:00Z")).isEmpty();
        assertThat(validate("2000-01-01T01:00:00+01:00")).isEmpty();
        assertThat(validate("2026-12-08T10:00:00Z")).isEmpty();
        assertThat(validate("2026-12-08T11:00:00.000+01:00")).isEmpty();
    }

    @Test
    void timesOutsideTheWindowAreRefusedNamingTheField() throws Exception {
        assertThat(validate("1999-12-31T23:59:59Z")).containsExactly(new Violation("time", REFUSAL));
        assertThat(validate("2000-01-01T00:30:00+01:00")).containsExactly(new Violation("time", REFUSAL));
        assertThat(validate("2026-12-08T10:00:01Z")).containsExactly(new Violation("time", REFUSAL));
        assertThat(validate("2026-12-08T09:00:01-01:00")).containsExactly(new Violation("time", REFUSAL));
        // The years of the review's attack: beyond what toEpochMilli() can hold, and what the parser accepts.
        assertThat(validate("-200000000-01-01T00:00:00Z")).containsExactly(new Violation("time", REFUSAL));
        assertThat(validate("+200000000-01-01T00:00:00Z")).containsExactly(new Violation("time", REFUSAL));
        assertThat(validate("+999999999-12-31T23:59:59Z")).containsExactly(new Violation("time", REFUSAL));
    }

    @Test
    void aMalformedTimeKeepsItsOwnReason() throws Exception {
        assertThat(validate("1999-12-31T23:59:59")).containsExactly(new Violation("time", EventValidator.TIME_REASON));
    }

    @Test
    void theWindowIsConfigurable() {
        EventTimeWindow backfill = new EventTimeWindow(Instant.parse("1990-01-01T00:00:00Z"), Duration.ofHours(2), NOW);
        assertThat(backfill.refusal("1995-06-01T00:00:00Z")).isNull();
        assertThat(backfill.refusal("2026-12-07T12:00:01Z"))
                .isEqualTo("must lie between 1990-01-01T00:00:00Z and 2 hours after the server's clock "
                        + "(2026-12-07T12:00:00Z)");
    }
}
