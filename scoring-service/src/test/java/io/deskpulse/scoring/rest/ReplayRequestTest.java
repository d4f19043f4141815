package io.deskpulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.scoring.rest.ReplayResource.ReplayRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The body of POST /v1/replays, read without a server: 'from' is required, an RFC 3339 timestamp, not in the future. */
class ReplayRequestTest {

    @Test
    void anOffsetTimestampIsTheInstantItNames() {
        assertThat(ReplayResource.from(new ReplayRequest("2026-11-01T01:00:00+01:00")))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aMissingBodyOrFromIsRequired() {
        for (ReplayRequest body : new ReplayRequest[] {null, new ReplayRequest(null)}) {
            assertThatThrownBy(() -> ReplayResource.from(body)).isInstanceOfSatisfying(InvalidParameterException.class,
                    e -> assertThat(e.field() + " " + e.reason())
                            .isEqualTo("from is required: an RFC 3339 timestamp such as 2026-11-01T00:00:00Z"));
        }
    }

    @Test
    void aTimestampWithoutOffsetOrNotATimestampIsRefusedWithWhatWasSent() {
        for (String text : new String[] {"yesterday", "2026-11-01T00:00:00", "2026-11-01"}) {
            assertThatThrownBy(() -> ReplayResource.from(new ReplayRequest(text)))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.reason())
                            .isEqualTo("must be an RFC 3339 timestamp with an offset, got '" + text + "'"));
        }
    }

    @Test
    void theFutureIsRefused() {
        String later = Instant.now().plusSeconds(3600).toString();
        assertThatThrownBy(() -> ReplayResource.from(new ReplayRequest(later)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.reason()).isEqualTo("is in the future"));
    }
}
