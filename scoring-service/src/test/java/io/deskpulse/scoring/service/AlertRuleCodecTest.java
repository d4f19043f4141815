package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.AlertMetric;
import io.deskpulse.scoring.domain.AlertRule;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert rule's rules, without a server. */
class AlertRuleCodecTest {

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    @Test
    void aMinimalRuleTakesItsDefaults() {
        AlertRule.Draft draft = AlertRuleCodec.parse(json("{'name': 'Complaints', 'metric': 'complaints',"
                + " 'comparison': '>=', 'threshold': 3}"));
        assertThat(draft).isEqualTo(new AlertRule.Draft("Complaints", true, AlertMetric.COMPLAINTS, "tenant", List.of(),
                null, 60, ">=", new BigDecimal("3"), 1, null, null));
    }

    @Test
    void everyBadFieldIsNamed() {
        try {
            AlertRuleCodec.parse(json("""
                    {'name': '', 'enabled': 'yes', 'metric': 'first_response_p90_s', 'dimension': 'tenant',
                     'ids': ['a'], 'channel': 'fax', 'window_minutes': 30, 'comparison': '!=', 'threshold': 'high',
                     'min_volume': 0, 'webhook': {'url': 'ftp://x.example', 'secret': 'short', 'method': 'PUT'},
                     'owner': 'me'}"""));
        } catch (InvalidAlertRuleException e) {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("owner", "name", "enabled", "metric",
                    "ids", "channel", "window_minutes", "comparison", "threshold", "min_volume", "webhook.method",
                    "webhook.url", "webhook.secret");
            return;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void comparisonThresholdAndWebhookUrl() {
        try {
            AlertRuleCodec.parse(json("{'name': 'x', 'metric': 'csat_avg', 'dimension': 'team', 'window_minutes': 20160,"
                    + " 'webhook': {'url': 'https://user:pw@hooks.example.com/x'}}"));
        } catch (InvalidAlertRuleException e) {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("window_minutes", "comparison",
                    "threshold", "webhook.url");
            return;
        }
        throw new AssertionError("accepted");
    }
}
