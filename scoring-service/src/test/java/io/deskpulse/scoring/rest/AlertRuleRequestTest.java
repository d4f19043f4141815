package io.deskpulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deskpulse.scoring.domain.AlertMetric;
import io.deskpulse.scoring.domain.AlertRule;
import io.deskpulse.scoring.service.FieldError;
import io.deskpulse.scoring.service.InvalidAlertRuleException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert rule's rules, without a server. */
class AlertRuleRequestTest {

    static AlertRule.Draft read(String singleQuoted) {
        return ExemptionRequestTest.BODIES.read(singleQuoted.replace('\'', '"'), AlertRuleRequest.class, "the alert rule",
                AlertRuleRequest.FIELDS, InvalidAlertRuleException::new).draft();
    }

    static List<FieldError> errors(String singleQuoted) {
        return catchThrowableOfType(() -> read(singleQuoted), InvalidAlertRuleException.class).errors();
    }

    @Test
    void aMinimalRuleTakesItsDefaults() {
        assertThat(read("{'name': ' Complaints ', 'metric': 'complaints', 'comparison': '>=', 'threshold': 3}"))
                .isEqualTo(new AlertRule.Draft("Complaints", true, AlertMetric.COMPLAINTS, "tenant", List.of(), null, 60,
                        ">=", new BigDecimal("3"), 1, null, null));
    }

    @Test
    void aFullRuleIsReadWithIdsSortedAndReadOnlyFieldsIgnored() {
        assertThat(read("{'id': 3, 'version': 2, 'created_by': 'x', 'name': 'n', 'enabled': false, 'metric': 'nps',"
                + " 'dimension': 'team', 'ids': ['sales', 'billing', 'sales'], 'channel': 'chat', 'window_minutes': 120,"
                + " 'comparison': '<', 'threshold': -10.50, 'min_volume': 5,"
                + " 'webhook': {'url': 'https://hooks.example.com/x', 'secret': '0123456789abcdef'}}"))
                .isEqualTo(new AlertRule.Draft("n", false, AlertMetric.NPS, "team", List.of("billing", "sales"), "chat",
                        120, "<", new BigDecimal("-10.5"), 5, "https://hooks.example.com/x", "0123456789abcdef"));
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThat(errors("""
                {'name': '', 'enabled': 'yes', 'metric': 'first_response_p90_s', 'dimension': 'tenant',
                 'ids': ['a'], 'channel': 'fax', 'window_minutes': 30, 'comparison': '!=', 'threshold': 'high',
                 'min_volume': 0, 'webhook': {'url': 'ftp://x.example', 'secret': 'short', 'method': 'PUT'},
                 'owner': 'me'}""")).extracting(FieldError::field).containsExactly("owner", "name", "enabled", "metric",
                "ids", "channel", "window_minutes", "comparison", "threshold", "min_volume", "webhook.method",
                "webhook.secret", "webhook.url");
    }

    @Test
    void theReasonsSayWhatIsWrong() {
        assertThat(errors("{'name': 'x', 'enabled': 'yes', 'metric': 'p90', 'channel': 'fax', 'window_minutes': 60.5,"
                + " 'comparison': '!=', 'threshold': 1, 'min_volume': 0, 'webhook': {'url': 'ftp://x', 'x': 1}}"))
                .containsExactly(
                        new FieldError("enabled", "must be true or false, got \"yes\""),
                        new FieldError("metric", "must be one of " + String.join(", ", AlertMetric.labels())
                                + ", got 'p90'"),
                        new FieldError("channel", "must be one of email, chat, phone, web, social, messaging, other,"
                                + " got \"fax\""),
                        new FieldError("window_minutes", "must be whole hours in minutes, from 60 to 10080 (the "
                                + "aggregates are hourly; see docs/alerts.md), got 60.5"),
                        new FieldError("comparison", "must be one of >, >=, <, <=, got \"!=\""),
                        new FieldError("min_volume", "must be a whole number of at least 1, got 0"),
                        new FieldError("webhook.url", "must be an absolute http or https URL of at most 2000 characters,"
                                + " got 'ftp://x'"),
                        new FieldError("webhook.x", "is not a field of a webhook; they are url, secret"));
    }

    @Test
    void aValueOfAnotherJsonTypeIsItsFieldsErrorNeverCoerced() {
        assertThat(errors("{'name': 5, 'metric': 'nps', 'dimension': 'team', 'ids': 'a', 'window_minutes': '60',"
                + " 'comparison': '>', 'threshold': '1', 'webhook': 'https://x.example'}")).containsExactly(
                new FieldError("name", "must be a text, got 5"),
                new FieldError("ids", "must be a list, got \"a\""),
                new FieldError("window_minutes", "must be a number, got \"60\""),
                new FieldError("threshold", "must be a number, got \"1\""),
                new FieldError("webhook", "must be an object, got \"https://x.example\""));
    }

    @Test
    void comparisonThresholdIdsAndWebhookUrl() {
        assertThat(errors("{'name': 'x', 'metric': 'csat_avg', 'dimension': 'team', 'window_minutes': 20160,"
                + " 'ids': ['a', ''], 'webhook': {'url': 'https://user:pw@hooks.example.com/x'}}"))
                .extracting(FieldError::field).containsExactly("ids[1]", "window_minutes", "comparison", "threshold",
                        "webhook.url");
        assertThat(errors("[]")).containsExactly(new FieldError(null, "must be a JSON object: the alert rule"));
    }
}
