package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.TenantSettings;
import org.junit.jupiter.api.Test;

/** Which fields a new document changes, and when that restates past numbers. */
class SettingsChangeTest {

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static TenantSettings settings(String json) {
        return SettingsDocument.fromStored(json);
    }

    private SettingsChange change(String before, String after) {
        return SettingsChange.between(settings(json(before)), settings(json(after)));
    }

    @Test
    void theSameMeaningIsNoChange() {
        SettingsChange change = change("{'qa_pass_mark': 80, 'first_response_sla_s': {'chat': 30}}", "{}");

        assertThat(change.isEmpty()).isTrue();
        assertThat(change.recomputes()).isFalse();
        assertThat(SettingsChange.between(TenantSettings.DEFAULTS, settings("{}")).isEmpty()).isTrue();
    }

    @Test
    void changedFieldsAreTheTopLevelOnesThatDifferInDocumentOrder() {
        SettingsChange change = change("{'complaint_tag': 'complaint'}",
                "{'complaint_tag': 'angry', 'qa_pass_mark': 70, 'first_response_sla_s_by_priority': {'high': {'chat': 20}}}");

        assertThat(change.changedFields()).containsExactly("first_response_sla_s_by_priority", "qa_pass_mark",
                "complaint_tag");
        assertThat(change.recomputes()).isTrue();
    }

    @Test
    void queueThresholdsRecomputeAndTheCatalogsOwnValuesAreNoChange() {
        SettingsChange change = change("{}", "{'service_level_s': {'phone': 15}, 'short_abandon_s': 10}");

        assertThat(change.changedFields()).containsExactly("service_level_s", "short_abandon_s");
        assertThat(change.recomputes()).isTrue();
        assertThat(change("{}", "{'service_level_s': {'phone': 20, 'chat': 30}, 'short_abandon_s': 5}").isEmpty()).isTrue();
    }

    @Test
    void keepingContributionsOrNotRecomputesAndTheDefaultWrittenOutIsNoChange() {
        SettingsChange change = change("{}", "{'keep_contributions': false}");

        assertThat(change.changedFields()).containsExactly("keep_contributions");
        assertThat(change.recomputes()).isTrue();
        assertThat(change("{}", "{'keep_contributions': true}").isEmpty()).isTrue();
        assertThat(change("{'keep_contributions': false}", "{'keep_contributions': null}").changedFields())
                .containsExactly("keep_contributions");
    }

    @Test
    void costRatesRecomputeAndTheSameRatesWrittenOtherwiseChangeNothing() {
        SettingsChange change = change("{}", "{'cost_rates': {'currency': 'EUR', 'default': {'per_online_hour': 24}}}");

        assertThat(change.changedFields()).containsExactly("cost_rates");
        assertThat(change.recomputes()).isTrue();
        assertThat(change("{'cost_rates': {'currency': 'eur', 'default': {'per_online_hour': 24.0}}}",
                "{'cost_rates': {'currency': 'EUR', 'default': {'per_online_hour': 24, 'per_contact': null}, 'teams': {}}}")
                .isEmpty()).isTrue();
        assertThat(change("{'cost_rates': {'currency': 'EUR', 'teams': {'t-1': {'per_online_hour': 24}}}}",
                "{'cost_rates': {'currency': 'EUR', 'teams': {'t-1': {'per_online_hour': 25}}}}").changedFields())
                .containsExactly("cost_rates");
    }

    @Test
    void theTimeZoneAloneRecomputesForTheDailyRollupsAreInIt() {
        SettingsChange change = change("{}", "{'time_zone': 'Europe/Paris'}");

        assertThat(change.changedFields()).containsExactly("time_zone");
        assertThat(change.recomputes()).isTrue();
    }

    @Test
    void theTimeZoneRecomputesEvenWhenEveryHoursNameTheirOwnZone() {
        String hours = "'business_hours': {'time_zone': 'Europe/Berlin', 'weekly': {'monday': ['09:00-17:00']}},"
                + " 'team_business_hours': {'t': {'time_zone': 'UTC', 'weekly': {'monday': ['09:00-17:00']}}}";

        assertThat(change("{" + hours + "}", "{'time_zone': 'Europe/Paris', " + hours + "}").recomputes()).isTrue();
    }

    @Test
    void businessHoursRecomputeWhateverTheirZone() {
        assertThat(change("{}", "{'business_hours': {'time_zone': 'UTC', 'weekly': {'monday': ['09:00-17:00']}}}")
                .changedFields()).containsExactly("business_hours");
        assertThat(change("{'business_hours': {'weekly': {'monday': ['09:00-17:00']}}}", "{}").recomputes()).isTrue();
    }
}
