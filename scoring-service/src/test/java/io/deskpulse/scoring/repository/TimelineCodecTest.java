package io.deskpulse.scoring.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.scoring.domain.TicketFact;
import io.deskpulse.scoring.domain.TicketTimeline;
import io.deskpulse.scoring.domain.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineCodecTest {

    @Test
    void everyKindOfFactSurvivesARoundTrip() {
        TicketTimeline timeline = new TicketTimeline(List.of(
                new TimelineEvent(11, 1_000, new TicketFact.Created("email", "urgent", "c-9", "t-1", null)),
                new TimelineEvent(12, 2_000, new TicketFact.Assigned(true, null, true, "t-2")),
                new TimelineEvent(13, 3_000, new TicketFact.Tagged(List.of("complaint", "vip"))),
                new TimelineEvent(14, 4_000, new TicketFact.Message(TicketFact.Author.AGENT, "a-ü", false)),
                new TimelineEvent(15, 5_000, new TicketFact.StatusChanged(TicketFact.Status.ON_HOLD, null)),
                new TimelineEvent(-16, 6_000, new TicketFact.Csat(4, "a-1")),
                new TimelineEvent(17, 7_000, new TicketFact.Message(TicketFact.Author.CUSTOMER, null, true, -1000)),
                new TimelineEvent(18, 8_000, new TicketFact.Ces(5500, null)),
                new TimelineEvent(19, 9_000, new TicketFact.Sentiment(1000, "a-2"))));

        TicketTimeline decoded = TimelineCodec.decode(TimelineCodec.encode(timeline));

        assertThat(decoded.events()).isEqualTo(timeline.events());
    }

    @Test
    void aTimelineWrittenBeforeSentimentsIsStillRead() {
        // version 1, one event: identity 7, time 1000, MESSAGE (3), author CUSTOMER (0), no agent, public
        byte[] v1 = {1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 3, (byte) 0xe8, 3, 0, 0, 1};
        assertThat(TimelineCodec.decode(v1).events()).containsExactly(
                new TimelineEvent(7, 1_000, new TicketFact.Message(TicketFact.Author.CUSTOMER, null, true, null)));
    }

    @Test
    void anEmptyTimelineRoundTrips() {
        assertThat(TimelineCodec.decode(TimelineCodec.encode(new TicketTimeline())).events()).isEmpty();
    }

    @Test
    void anUnknownVersionIsRefused() {
        assertThatThrownBy(() -> TimelineCodec.decode(new byte[] {9, 0, 0, 0, 0}))
                .hasMessageContaining("version 9");
    }
}
