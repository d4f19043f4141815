package io.deskpulse.reporting.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The churn-risk formula of docs/kpis.md, its worked examples and its caps. */
class CustomerRiskTest {

    @Test
    void theWorkedExampleOfTheDocs() {
        // 4 tickets, a complaint, a CSAT of 2, NPS 3, 2 reopens
        CustomerRisk c = new CustomerRisk("c-881", 4, 1, 1, 2, 3, Instant.parse("2026-11-20T14:02:00Z"), 0);
        assertThat(c.points()).isEqualTo(Map.of(ChurnSignal.REPEAT_CONTACTS, 25, ChurnSignal.COMPLAINTS, 25,
                ChurnSignal.LOW_CSAT, 20, ChurnSignal.NPS_DETRACTOR, 25, ChurnSignal.REOPENS, 20,
                ChurnSignal.NEGATIVE_SENTIMENT, 0));
        assertThat(c.score()).isEqualTo(100); // 115, capped
        assertThat(c.signals()).containsExactly("repeat_contacts", "complaints", "low_csat", "nps_detractor", "reopens");
        CustomerRisk quiet = new CustomerRisk("c-102", 3, 0, 0, 1, 9, Instant.parse("2026-11-28T08:00:00Z"), 0);
        assertThat(quiet.score()).isEqualTo(30);
        assertThat(quiet.signals()).containsExactly("repeat_contacts", "reopens");
    }

    @Test
    void thresholdsAndCaps() {
        assertThat(ChurnSignal.REPEAT_CONTACTS.points(2)).isZero();
        assertThat(ChurnSignal.REPEAT_CONTACTS.points(3)).isEqualTo(20);
        assertThat(ChurnSignal.REPEAT_CONTACTS.points(5)).isEqualTo(30);
        assertThat(ChurnSignal.REPEAT_CONTACTS.points(40)).isEqualTo(30);
        assertThat(ChurnSignal.COMPLAINTS.points(2)).isEqualTo(50);
        assertThat(ChurnSignal.COMPLAINTS.points(3)).isEqualTo(50);
        assertThat(ChurnSignal.LOW_CSAT.points(3)).isEqualTo(40);
        assertThat(ChurnSignal.REOPENS.points(4)).isEqualTo(30);
        assertThat(new CustomerRisk("c", 0, 0, 0, 0, 6, null, 0).score()).isEqualTo(25);
        assertThat(new CustomerRisk("c", 0, 0, 0, 0, 7, null, 0).score()).isZero();
        assertThat(new CustomerRisk("c", 0, 0, 0, 0, null, null, 0).score()).isZero();
    }

    @Test
    void negativeSentimentGivesFifteenThenTenEachAtMostTwentyFive() {
        assertThat(ChurnSignal.NEGATIVE_SENTIMENT.points(0)).isZero();
        assertThat(ChurnSignal.NEGATIVE_SENTIMENT.points(1)).isEqualTo(15);
        assertThat(ChurnSignal.NEGATIVE_SENTIMENT.points(2)).isEqualTo(25);
        assertThat(ChurnSignal.NEGATIVE_SENTIMENT.points(5)).isEqualTo(25);
        // the docs' second example: 1 ticket with negative sentiment and a CSAT of 2 -> 15 + 20
        CustomerRisk c = new CustomerRisk("c-7", 1, 0, 1, 0, null, null, 1);
        assertThat(c.score()).isEqualTo(35);
        assertThat(c.signals()).containsExactly("low_csat", "negative_sentiment");
    }
}
