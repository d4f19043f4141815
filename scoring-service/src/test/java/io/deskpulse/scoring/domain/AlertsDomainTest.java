package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts of alerting: readings, windows, decisions, the webhook signature and the backoff. */
class AlertsDomainTest {

    static AlertRule rule(AlertMetric metric, String comparison, String threshold, long minVolume) {
        return new AlertRule(1, "t", 1, "r", true, metric, "team", List.of(), null, 60, comparison,
                new BigDecimal(threshold), minVolume, null, null, Instant.EPOCH, "x", Instant.EPOCH, "x");
    }

    @Test
    void readingsAreComputedAsTheReportingApiDoes() {
        // 4 first responses summing 540 s: 135 s on 4
        assertThat(AlertMetric.FIRST_RESPONSE_AVG_S.read(new long[] {540_000, 4}))
                .isEqualTo(new AlertMetric.Reading(135.0, 4));
        // seconds rounded half-up to the millisecond: 1 ms over 3 = 0.000333 s -> 0.0
        assertThat(AlertMetric.HANDLE_AVG_S.read(new long[] {1, 3}).value()).isEqualTo(0.0);
        assertThat(AlertMetric.CSAT_AVG.read(new long[] {9, 2})).isEqualTo(new AlertMetric.Reading(4.5, 2));
        assertThat(AlertMetric.NPS.read(new long[] {3, 2, 6}).value()).isEqualTo(100.0 / 6);
        assertThat(AlertMetric.QA_AVG.read(new long[] {171_000, 2}).value()).isEqualTo(85.5);
        assertThat(AlertMetric.COMPLAINTS.read(new long[] {7})).isEqualTo(new AlertMetric.Reading(7.0, 7));
        assertThat(AlertMetric.FCR_RATE.read(new long[] {0, 0})).isEqualTo(AlertMetric.Reading.NONE);
        // 19.167 over 5 contacts; no cost recorded (no rates) is no reading, as in /v1/kpis
        assertThat(AlertMetric.COST_PER_CONTACT.read(new long[] {19_167, 5})).isEqualTo(new AlertMetric.Reading(3.8334, 5));
        assertThat(AlertMetric.COST_PER_RESOLUTION.read(new long[] {0, 4})).isEqualTo(new AlertMetric.Reading(null, 0));
        assertThat(AlertMetric.parse("first_response_sla_rate")).contains(AlertMetric.FIRST_RESPONSE_SLA_RATE);
        assertThat(AlertMetric.parse("first_response_p90_s")).isEmpty();
    }

    @Test
    void theWindowCoversTheLastMinutesWholeFromTheStartOfTheirFirstHour() {
        Instant end = Instant.parse("2026-11-02T10:25:00Z");
        assertThat(AlertWindow.ending(end, 60)).isEqualTo(new AlertWindow(Instant.parse("2026-11-02T09:00:00Z"), end));
        assertThat(AlertWindow.ending(end, 180).start()).isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
        Instant onTheHour = Instant.parse("2026-11-02T10:00:00Z");
        assertThat(AlertWindow.ending(onTheHour, 60).start()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
    }

    @Test
    void decisionsRaiseOnceAndResolveWhenTheValueOrTheVolumeIsGone() {
        AlertRule slow = rule(AlertMetric.FIRST_RESPONSE_AVG_S, ">", "120", 3);
        Map<String, AlertMetric.Reading> readings = Map.of(
                "billing", new AlertMetric.Reading(135.0, 4),   // breaches: raise
                "sales", new AlertMetric.Reading(300.0, 1),     // breaches on too little volume: nothing
                "support", new AlertMetric.Reading(120.0, 10),  // not above 120: nothing
                "ops", new AlertMetric.Reading(90.0, 5));       // open, now fine: resolve
        List<AlertDecisions.Decision> decisions = AlertDecisions.decide(slow, readings, Set.of("ops", "legal", "billing2"));
        assertThat(decisions).containsExactly(
                new AlertDecisions.Decision("billing", true, new AlertMetric.Reading(135.0, 4), null),
                new AlertDecisions.Decision("billing2", false, AlertMetric.Reading.NONE, AlertDecisions.VOLUME_TOO_LOW),
                new AlertDecisions.Decision("legal", false, AlertMetric.Reading.NONE, AlertDecisions.VOLUME_TOO_LOW),
                new AlertDecisions.Decision("ops", false, new AlertMetric.Reading(90.0, 5), AlertDecisions.BACK_WITHIN_THRESHOLD));
        // an open alert whose member still breaches stays open: no decision
        assertThat(AlertDecisions.decide(slow, Map.of("billing", new AlertMetric.Reading(200.0, 9)), Set.of("billing")))
                .isEmpty();
    }

    @Test
    void comparisons() {
        assertThat(rule(AlertMetric.CSAT_AVG, "<", "4.2", 1).breaches(4.1)).isTrue();
        assertThat(rule(AlertMetric.CSAT_AVG, "<", "4.2", 1).breaches(4.2)).isFalse();
        assertThat(rule(AlertMetric.CSAT_AVG, "<=", "4.2", 1).breaches(4.2)).isTrue();
        assertThat(rule(AlertMetric.CSAT_AVG, ">=", "4.2", 1).breaches(4.2)).isTrue();
        assertThat(rule(AlertMetric.CSAT_AVG, ">", "4.2", 1).breaches(4.2000001)).isTrue();
    }

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBody() {
        // python3 -c "import hmac,hashlib; print(hmac.new(b'whsec-test-0123456789',
        //   b'1793613600.{\"event\":\"alert.raised\"}', hashlib.sha256).hexdigest())"
        assertThat(WebhookSignature.sign("whsec-test-0123456789", 1_793_613_600L,
                "{\"event\":\"alert.raised\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1=7160fd811319d7d6c0f6faf06c09bd76c4fb4375b05361e8a0770a19cb689001");
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 40).stream().map(backoff::after).toList()).containsExactly(
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }
}
