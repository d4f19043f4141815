package io.deskpulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.domain.BusinessHours;
import io.deskpulse.scoring.domain.OpenInterval;
import io.deskpulse.scoring.domain.TenantSettings;
import io.deskpulse.scoring.service.FieldError;
import io.deskpulse.scoring.service.InvalidSettingsException;
import io.deskpulse.scoring.service.SettingsDocument;
import io.deskpulse.scoring.service.UnreadableSettingsException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The settings document of docs/settings.md, without a server: reading with every rule, defaults, the canonical form. */
class SettingsDocumentTest {

    /** Reads a body as PUT /v1/settings does. */
    static final class Codec {
        TenantSettings parse(String body) {
            return ExemptionRequestTest.BODIES.read(body, SettingsDocument.class, "the settings document",
                    SettingsDocument.FIELDS).toSettings();
        }

        JsonNode encode(TenantSettings settings) {
            try {
                return new ObjectMapper().readTree(SettingsDocument.toStored(settings));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        String toStored(TenantSettings settings) {
            return SettingsDocument.toStored(settings);
        }

        TenantSettings fromStored(String json) {
            return SettingsDocument.fromStored(json);
        }
    }

    private final Codec codec = new Codec();

    /** JSON written with single quotes, for legibility. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static final String FULL = json("""
            {
              'time_zone': 'Europe/Berlin',
              'business_hours': {
                'time_zone': 'Europe/Berlin',
                'weekly': {
                  'monday': ['09:00-17:00'],
                  'tuesday': ['13:00-17:00', '09:00-12:00'],
                  'wednesday': ['09:00-17:00'],
                  'thursday': ['09:00-17:00'],
                  'friday': ['09:00-17:00'],
                  'saturday': ['22:00-24:00']
                },
                'holidays': ['2026-12-25', '2026-12-24', '2026-12-26', '2026-12-24']
              },
              'team_business_hours': {
                'us-support': {
                  'time_zone': 'America/New_York',
                  'weekly': {'monday': ['08:00-20:00'], 'tuesday': ['08:00-20:00']},
                  'holidays': ['2026-11-26']
                },
                'night': {'weekly': {'sunday': ['00:00-06:00']}}
              },
              'first_response_sla_s': {'chat': 45, 'phone': 20, 'messaging': 60, 'web': 7200, 'email': 14400, 'social': 3600, 'other': 14400},
              'first_response_sla_s_by_priority': {'urgent': {'web': 3600, 'email': 3600}, 'low': {'email': 86400}},
              'qa_pass_mark': 72.5,
              'complaint_tag': 'Complaint',
              'cost_rates': {'currency': 'eur', 'default': {'per_online_hour': 24.50}, 'teams': {},
                             'roles': {'senior': {'per_online_hour': 40}}, 'agent_roles': {'a-2': 'senior'},
                             'channels': {'phone': {'per_contact': 0.8}}}
            }""");

    static final String FULL_CANONICAL = json("""
            {
              'time_zone': 'Europe/Berlin',
              'business_hours': {
                'time_zone': 'Europe/Berlin',
                'weekly': {
                  'monday': ['09:00-17:00'], 'tuesday': ['09:00-12:00', '13:00-17:00'], 'wednesday': ['09:00-17:00'],
                  'thursday': ['09:00-17:00'], 'friday': ['09:00-17:00'], 'saturday': ['22:00-24:00'], 'sunday': []
                },
                'holidays': ['2026-12-24', '2026-12-25', '2026-12-26']
              },
              'team_business_hours': {
                'night': {
                  'time_zone': null,
                  'weekly': {'monday': [], 'tuesday': [], 'wednesday': [], 'thursday': [], 'friday': [], 'saturday': [],
                             'sunday': ['00:00-06:00']},
                  'holidays': []
                },
                'us-support': {
                  'time_zone': 'America/New_York',
                  'weekly': {'monday': ['08:00-20:00'], 'tuesday': ['08:00-20:00'], 'wednesday': [], 'thursday': [],
                             'friday': [], 'saturday': [], 'sunday': []},
                  'holidays': ['2026-11-26']
                }
              },
              'first_response_sla_s': {'email': 14400, 'chat': 45, 'phone': 20, 'web': 7200, 'social': 3600, 'messaging': 60, 'other': 14400},
              'first_response_sla_s_by_priority': {'low': {'email': 86400}, 'urgent': {'email': 3600, 'web': 3600}},
              'qa_pass_mark': 72.5,
              'complaint_tag': 'complaint',
              'service_level_s': {'email': 20, 'chat': 30, 'phone': 20, 'web': 20, 'social': 20, 'messaging': 20, 'other': 20},
              'short_abandon_s': 5,
              'cost_rates': {'currency': 'EUR', 'default': {'per_online_hour': 24.5, 'per_contact': null}, 'teams': {},
                             'roles': {'senior': {'per_online_hour': 40, 'per_contact': null}},
                             'agent_roles': {'a-2': 'senior'},
                             'channels': {'phone': {'per_online_hour': null, 'per_contact': 0.8}}},
              'keep_contributions': true
            }""");

    /** The JSON as a plain reader sees it: 30 is 30 whether written from an int or a long. */
    static JsonNode plain(Object json) throws Exception {
        return new ObjectMapper().readTree(json.toString());
    }

    @Test
    void aFullDocumentIsReadIntoTheDomain() {
        TenantSettings settings = codec.parse(FULL);

        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        BusinessHours hours = settings.businessHours();
        assertThat(hours.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(hours.weekly()).hasSize(6);
        assertThat(hours.weekly().get(DayOfWeek.TUESDAY))
                .containsExactlyInAnyOrder(new OpenInterval(540, 720), new OpenInterval(780, 1020));
        assertThat(hours.weekly().get(DayOfWeek.SATURDAY)).containsExactly(new OpenInterval(1320, 1440));
        assertThat(hours.holidays()).containsExactlyInAnyOrder(LocalDate.parse("2026-12-24"),
                LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"));
        assertThat(settings.teamBusinessHours()).containsOnlyKeys("us-support", "night");
        assertThat(settings.teamBusinessHours().get("night").timeZone()).as("takes the tenant's zone").isNull();
        assertThat(settings.firstResponseTargetMillis("chat", "normal")).isEqualTo(45_000);
        assertThat(settings.firstResponseTargetMillis("email", "urgent")).isEqualTo(3_600_000);
        assertThat(settings.firstResponseTargetMillis("chat", "urgent")).as("no urgent chat target: the channel's")
                .isEqualTo(45_000);
        assertThat(settings.qaPassMark()).isEqualTo(72.5);
        assertThat(settings.isComplaintTag("COMPLAINT")).isTrue();
        // cost rates in thousandths: the role's hourly rate, else the default's; the phone's per-contact rate
        assertThat(settings.costRates().currency()).isEqualTo("EUR");
        assertThat(settings.costRates().onlineCostMilli("a-2", "t-1", 3_600_000L)).isEqualTo(40_000);
        assertThat(settings.costRates().onlineCostMilli("a-1", "t-1", 3_600_000L)).isEqualTo(24_500);
        assertThat(settings.costRates().contactCostMilli("a-1", "t-1", "phone")).isEqualTo(800);
        assertThat(settings.costRates().contactCostMilli("a-1", "t-1", "chat")).isZero();
    }

    @Test
    void aFullDocumentRoundTripsInCanonicalForm() throws Exception {
        JsonNode written = codec.encode(codec.parse(FULL));

        assertThat(plain(written)).isEqualTo(plain(FULL_CANONICAL));
        assertThat(codec.encode(codec.parse(written.toString()))).as("canonical form is stable").isEqualTo(written);
        assertThat(codec.encode(codec.fromStored(codec.toStored(codec.parse(FULL))))).isEqualTo(written);
    }

    @Test
    void anEmptyDocumentIsEveryDefault() throws Exception {
        JsonNode written = codec.encode(codec.parse("{}"));

        assertThat(plain(written)).isEqualTo(plain(json("""
                {'time_zone': 'UTC', 'business_hours': null, 'team_business_hours': {},
                 'first_response_sla_s': {'email': 14400, 'chat': 30, 'phone': 20, 'web': 14400, 'social': 3600,
                                          'messaging': 60, 'other': 14400},
                 'first_response_sla_s_by_priority': {}, 'qa_pass_mark': 80, 'complaint_tag': 'complaint',
                 'service_level_s': {'email': 20, 'chat': 30, 'phone': 20, 'web': 20, 'social': 20, 'messaging': 20,
                                     'other': 20},
                 'short_abandon_s': 5, 'cost_rates': null, 'keep_contributions': true}""")));
        assertThat(written).isEqualTo(codec.encode(TenantSettings.DEFAULTS));
    }

    @Test
    void fieldsLeftOutOrNullTakeTheirDefaults() {
        TenantSettings settings = codec.parse(json("{'qa_pass_mark': 90, 'time_zone': null, 'complaint_tag': null,"
                + " 'first_response_sla_s': {'chat': 10}}"));

        assertThat(settings.qaPassMark()).isEqualTo(90);
        assertThat(settings.timeZone().getId()).isEqualTo("Z");
        assertThat(settings.complaintTag()).isEqualTo("complaint");
        assertThat(settings.businessHours()).isNull();
        assertThat(settings.firstResponseTargetMillis("chat", "high")).isEqualTo(10_000);
        assertThat(settings.firstResponseTargetMillis("phone", "normal")).as("the catalog's").isEqualTo(20_000);
        assertThat(codec.encode(settings).get("first_response_sla_s").get("web").asLong()).isEqualTo(14_400);
    }

    @Test
    void queueThresholdsAreReadPerChannelWithTheCatalogsDefaults() throws Exception {
        TenantSettings settings = codec.parse(json("{'service_level_s': {'phone': 15, 'email': 3600}, 'short_abandon_s': 0}"));

        assertThat(settings.serviceLevelThresholdMillis("phone")).isEqualTo(15_000);
        assertThat(settings.serviceLevelThresholdMillis("email")).isEqualTo(3_600_000);
        assertThat(settings.serviceLevelThresholdMillis("chat")).as("the catalog's").isEqualTo(30_000);
        assertThat(settings.serviceLevelThresholdMillis("web")).as("the catalog's").isEqualTo(20_000);
        assertThat(settings.shortAbandonMillis()).isZero();
        assertThat(plain(codec.encode(settings).get("service_level_s"))).isEqualTo(plain(json(
                "{'email': 3600, 'chat': 30, 'phone': 15, 'web': 20, 'social': 20, 'messaging': 20, 'other': 20}")));
        assertThat(codec.encode(settings).get("short_abandon_s").asLong()).isZero();
        // documents stored before these fields existed read with the defaults
        TenantSettings older = codec.fromStored(json("{'time_zone': 'UTC', 'qa_pass_mark': 80}"));
        assertThat(older.shortAbandonMillis()).isEqualTo(5_000);
        assertThat(older.serviceLevelThresholdMillis("phone")).isEqualTo(20_000);
    }

    @Test
    void theReadOnlyFieldsOfAnAnswerAreIgnored() {
        TenantSettings settings = codec.parse(json("{'version': 7, 'changed_at': '2026-11-02T10:00:00Z',"
                + " 'changed_by': 'x', 'changed_fields': [], 'pending_recomputation': null, 'recomputation': null,"
                + " 'qa_pass_mark': 70}"));

        assertThat(settings.qaPassMark()).isEqualTo(70);
    }

    @Test
    void businessHoursWithoutZoneTakeTheTenantsAndSayNull() {
        JsonNode written = codec.encode(codec.parse(json("{'time_zone': 'Asia/Tokyo',"
                + " 'business_hours': {'weekly': {'monday': ['09:00-17:00']}}}")));

        assertThat(written.get("business_hours").get("time_zone").isNull()).isTrue();
        assertThat(written.get("time_zone").asText()).isEqualTo("Asia/Tokyo");
    }

    static Stream<Arguments> oneBadField() {
        return Stream.of(
                Arguments.of("{'qa_pass_mak': 70}", "qa_pass_mak", "is not a settings field"),
                Arguments.of("{'time_zone': 'Europe/Berln'}", "time_zone", "must be an IANA time zone"),
                Arguments.of("{'time_zone': '+02:00'}", "time_zone", "must be an IANA time zone"),
                Arguments.of("{'time_zone': 3}", "time_zone", "must be a text, got 3"),
                Arguments.of("{'time_zone': 'Asia/Kolkata'}", "time_zone", "must have a whole-hour UTC offset"),
                Arguments.of("{'time_zone': 'Australia/Lord_Howe'}", "time_zone", "must have a whole-hour UTC offset"),
                Arguments.of("{'business_hours': 'always'}", "business_hours", "must be an object"),
                Arguments.of("{'business_hours': {}}", "business_hours.weekly", "is required"),
                Arguments.of("{'business_hours': {'weekly': {}}}", "business_hours.weekly",
                        "must hold at least one opening in the week"),
                Arguments.of("{'business_hours': {'weekly': {'monday': []}}}", "business_hours.weekly",
                        "must hold at least one opening in the week"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['09:00-17:00']}, 'holiday': []}}",
                        "business_hours.holiday", "is not a field of business hours"),
                Arguments.of("{'business_hours': {'time_zone': 'Mars/Olympus', 'weekly': {'monday': ['09:00-17:00']}}}",
                        "business_hours.time_zone", "must be an IANA time zone"),
                Arguments.of("{'business_hours': {'weekly': {'Monday': ['09:00-17:00']}}}",
                        "business_hours.weekly.Monday", "is not a day"),
                Arguments.of("{'business_hours': {'weekly': {'mon': ['09:00-17:00']}}}",
                        "business_hours.weekly.mon", "is not a day"),
                Arguments.of("{'business_hours': {'weekly': {'monday': '09:00-17:00'}}}",
                        "business_hours.weekly.monday", "must be a list"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['9-17']}}}",
                        "business_hours.weekly.monday[0]", "must be an opening \"HH:MM-HH:MM\""),
                Arguments.of("{'business_hours': {'weekly': {'monday': [900]}}}",
                        "business_hours.weekly.monday[0]", "must be a text, got 900"),
                Arguments.of("{'business_hours': {'weekly': {'monday': [null]}}}",
                        "business_hours.weekly.monday[0]", "must be an opening \"HH:MM-HH:MM\""),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['09:00-17:60']}}}",
                        "business_hours.weekly.monday[0]", "is not one of a day"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['09:00-24:30']}}}",
                        "business_hours.weekly.monday[0]", "is not one of a day"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['25:00-26:00']}}}",
                        "business_hours.weekly.monday[0]", "is not one of a day"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['24:00-24:00']}}}",
                        "business_hours.weekly.monday[0]", "cannot start at 24:00"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['17:00-09:00']}}}",
                        "business_hours.weekly.monday[0]", "must start before it ends"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['09:00-09:00']}}}",
                        "business_hours.weekly.monday[0]", "must start before it ends"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['09:00-17:00', '16:00-18:00']}}}",
                        "business_hours.weekly.monday[1]", "overlaps monday[0] (09:00-17:00)"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['12:00-13:00', '09:00-17:00']}}}",
                        "business_hours.weekly.monday[0]", "overlaps monday[1] (09:00-17:00)"),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['09:00-17:00']}, 'holidays': ['2026-02-30']}}",
                        "business_hours.holidays[0]", "must be a date \"YYYY-MM-DD\""),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['09:00-17:00']}, 'holidays': ['24.12.2026']}}",
                        "business_hours.holidays[0]", "must be a date \"YYYY-MM-DD\""),
                Arguments.of("{'business_hours': {'weekly': {'monday': ['09:00-17:00']}, 'holidays': '2026-12-24'}}",
                        "business_hours.holidays", "must be a list, got \"2026-12-24\""),
                Arguments.of("{'team_business_hours': {'t-1': {'weekly': {'sunday': ['10:00-09:00']}}}}",
                        "team_business_hours.t-1.weekly.sunday[0]", "must start before it ends"),
                Arguments.of("{'team_business_hours': {'t-1': null}}", "team_business_hours.t-1", "must be an object"),
                Arguments.of("{'team_business_hours': {'': {'weekly': {'monday': ['09:00-17:00']}}}}",
                        "team_business_hours.", "a team id has 1 to 128 characters"),
                Arguments.of("{'team_business_hours': []}", "team_business_hours", "must be an object"),
                Arguments.of("{'first_response_sla_s': {'fax': 60}}", "first_response_sla_s.fax", "is not a channel"),
                Arguments.of("{'first_response_sla_s': {'Chat': 60}}", "first_response_sla_s.Chat", "is not a channel"),
                Arguments.of("{'first_response_sla_s': {'chat': 0}}", "first_response_sla_s.chat",
                        "must be a whole number of seconds from 1 to 2592000"),
                Arguments.of("{'first_response_sla_s': {'chat': -5}}", "first_response_sla_s.chat",
                        "must be a whole number of seconds"),
                Arguments.of("{'first_response_sla_s': {'chat': 2592001}}", "first_response_sla_s.chat",
                        "must be a whole number of seconds"),
                Arguments.of("{'first_response_sla_s': {'chat': 30.5}}", "first_response_sla_s.chat",
                        "must be a whole number of seconds"),
                Arguments.of("{'first_response_sla_s': {'chat': '30'}}", "first_response_sla_s.chat",
                        "must be a number, got \"30\""),
                Arguments.of("{'first_response_sla_s': {'chat': null}}", "first_response_sla_s.chat",
                        "must be a whole number of seconds"),
                Arguments.of("{'first_response_sla_s': [30]}", "first_response_sla_s", "must be an object"),
                Arguments.of("{'first_response_sla_s_by_priority': {'critical': {'email': 60}}}",
                        "first_response_sla_s_by_priority.critical", "is not a priority"),
                Arguments.of("{'first_response_sla_s_by_priority': {'urgent': {'pigeon': 60}}}",
                        "first_response_sla_s_by_priority.urgent.pigeon", "is not a channel"),
                Arguments.of("{'first_response_sla_s_by_priority': {'urgent': {'email': 0}}}",
                        "first_response_sla_s_by_priority.urgent.email", "must be a whole number of seconds"),
                Arguments.of("{'first_response_sla_s_by_priority': {'urgent': 60}}",
                        "first_response_sla_s_by_priority.urgent", "must be an object"),
                Arguments.of("{'qa_pass_mark': 101}", "qa_pass_mark", "must be a number from 0 to 100"),
                Arguments.of("{'qa_pass_mark': -1}", "qa_pass_mark", "must be a number from 0 to 100"),
                Arguments.of("{'qa_pass_mark': '80'}", "qa_pass_mark", "must be a number, got \"80\""),
                Arguments.of("{'qa_pass_mark': 80.1234}", "qa_pass_mark", "at most 3 decimal places"),
                Arguments.of("{'complaint_tag': ''}", "complaint_tag", "must be a non-empty text"),
                Arguments.of("{'complaint_tag': '   '}", "complaint_tag", "must be a non-empty text"),
                Arguments.of("{'complaint_tag': 42}", "complaint_tag", "must be a text, got 42"),
                Arguments.of("{'complaint_tag': '" + "x".repeat(129) + "'}", "complaint_tag",
                        "at most 128 characters"),
                Arguments.of("{'service_level_s': {'fax': 20}}", "service_level_s.fax", "is not a channel"),
                Arguments.of("{'service_level_s': {'phone': 0}}", "service_level_s.phone",
                        "must be a whole number of seconds from 1 to 2592000"),
                Arguments.of("{'service_level_s': {'chat': 20.5}}", "service_level_s.chat",
                        "must be a whole number of seconds"),
                Arguments.of("{'short_abandon_s': -1}", "short_abandon_s", "must be a whole number of seconds from 0 to 3600"),
                Arguments.of("{'short_abandon_s': 3601}", "short_abandon_s", "must be a whole number of seconds from 0 to 3600"),
                Arguments.of("{'short_abandon_s': 2.5}", "short_abandon_s", "must be a whole number of seconds"),
                Arguments.of("{'short_abandon_s': '5'}", "short_abandon_s", "must be a number, got \"5\""),
                Arguments.of("{'keep_contributions': 'no'}", "keep_contributions", "must be true or false"),
                Arguments.of("{'keep_contributions': 1}", "keep_contributions", "must be true or false"),
                Arguments.of("{'cost_rates': {}}", "cost_rates.currency", "is required"),
                Arguments.of("{'cost_rates': {'currency': 'EURO'}}", "cost_rates.currency", "ISO 4217"),
                Arguments.of("{'cost_rates': {'currency': 'XYZ'}}", "cost_rates.currency", "ISO 4217"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'rate': 3}}", "cost_rates.rate",
                        "is not a field of cost_rates"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'default': {'per_online_hour': -1}}}",
                        "cost_rates.default.per_online_hour", "must be a number from 0 to 1000000"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'default': {'per_contact': 0.0001}}}",
                        "cost_rates.default.per_contact", "at most 3 decimal places"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'default': {'per_hour': 20}}}",
                        "cost_rates.default.per_hour", "is not a field of a cost rate"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'default': {'per_contact': '2'}}}",
                        "cost_rates.default.per_contact", "must be a number"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'teams': {'t-1': null}}}", "cost_rates.teams.t-1",
                        "must be an object"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'roles': {'Senior': {'per_online_hour': 1}}}}",
                        "cost_rates.roles.Senior", "a role is a-z"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'agent_roles': {'a-1': 'senior'}}}",
                        "cost_rates.agent_roles.a-1", "must be a role of cost_rates.roles"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'channels': {'fax': {'per_contact': 1}}}}",
                        "cost_rates.channels.fax", "is not a channel"),
                Arguments.of("{'cost_rates': {'currency': 'EUR', 'channels': {'phone': {'per_online_hour': 1}}}}",
                        "cost_rates.channels.phone.per_online_hour", "online time has no channel"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("oneBadField")
    void eachRuleNamesTheFieldAndWhy(String document, String field, String reason) {
        InvalidSettingsException e = catchThrowableOfType(() -> codec.parse(json(document)),
                InvalidSettingsException.class);

        assertThat(e).as("refused").isNotNull();
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).field()).isEqualTo(field);
        assertThat(e.errors().get(0).reason()).contains(reason);
    }

    @Test
    void everyOpeningInsideALongerOneOverlapsIt() {
        InvalidSettingsException e = catchThrowableOfType(() -> codec.parse(json(
                "{'business_hours': {'weekly': {'friday': ['08:00-18:00', '09:00-10:00', '12:00-13:00']}}}")),
                InvalidSettingsException.class);

        assertThat(e.errors()).containsExactly(
                new FieldError("business_hours.weekly.friday[1]", "overlaps friday[0] (08:00-18:00)"),
                new FieldError("business_hours.weekly.friday[2]", "overlaps friday[0] (08:00-18:00)"));
    }

    @Test
    void theEdgesOfEachRuleAreAccepted() {
        TenantSettings settings = codec.parse(json("""
                {'business_hours': {'weekly': {'monday': ['00:00-24:00'], 'tuesday': ['09:00-12:00', '12:00-13:00']},
                                    'holidays': ['2028-02-29']},
                 'first_response_sla_s': {'chat': 1, 'email': 2592000},
                 'qa_pass_mark': 100, 'complaint_tag': '%s'}""".formatted("x".repeat(128))));

        assertThat(settings.businessHours().weekly().get(DayOfWeek.MONDAY)).containsExactly(new OpenInterval(0, 1440));
        assertThat(settings.qaPassMark()).isEqualTo(100);
        assertThat(codec.parse(json("{'qa_pass_mark': 0}")).qaPassMark()).isZero();
        assertThat(codec.parse(json("{'qa_pass_mark': 80.125}")).qaPassMark()).isEqualTo(80.125);
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        InvalidSettingsException e = catchThrowableOfType(() -> codec.parse(json("""
                {'time_zone': 'Europe/Berln', 'qa_pass_mak': 70, 'complaint_tag': '',
                 'business_hours': {'weekly': {'monday': ['09:00-17:00', '16:00-18:00'], 'funday': ['09:00-10:00']},
                                    'holidays': ['2026-13-01']},
                 'first_response_sla_s': {'chat': 0, 'fax': 10}}""")), InvalidSettingsException.class);

        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "time_zone", "qa_pass_mak", "complaint_tag", "business_hours.weekly.monday[1]",
                "business_hours.weekly.funday", "business_hours.holidays[0]", "first_response_sla_s.chat",
                "first_response_sla_s.fax");
        assertThat(e).hasMessage("8 fields are invalid; nothing was saved");
    }

    @Test
    void aBodyThatIsNotADocumentIsRefusedAsAWhole() {
        assertThatThrownBy(() -> codec.parse("")).isInstanceOf(UnreadableSettingsException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.parse("{'qa_pass_mark': }")).isInstanceOf(UnreadableSettingsException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> codec.parse(json("{'qa_pass_mark': 70, 'qa_pass_mark': 90}")))
                .as("which of the two was meant?").isInstanceOf(UnreadableSettingsException.class)
                .hasMessageContaining("Duplicate field 'qa_pass_mark'");
        InvalidSettingsException e = catchThrowableOfType(() -> codec.parse("[]"), InvalidSettingsException.class);
        assertThat(e.errors()).containsExactly(new FieldError(null, "must be a JSON object: the settings document"));
    }

    @Test
    void documentsThatMeanTheSameAreEqualInCanonicalForm() {
        TenantSettings a = codec.parse(json("{'business_hours': {'weekly': {'monday': ['13:00-17:00', '09:00-12:00'],"
                + " 'sunday': []}, 'holidays': ['2026-12-25', '2026-12-24']}, 'first_response_sla_s': {'chat': 30},"
                + " 'first_response_sla_s_by_priority': {'low': {}}, 'qa_pass_mark': 80.0, 'complaint_tag': 'COMPLAINT'}"));
        TenantSettings b = codec.parse(json("{'business_hours': {'time_zone': null, 'weekly': {'monday': ['09:00-12:00',"
                + " '13:00-17:00']}, 'holidays': ['2026-12-24', '2026-12-25', '2026-12-25']}}"));

        assertThat(codec.encode(a)).isEqualTo(codec.encode(b));
    }

    @Test
    void aStoredDocumentThatNoLongerReadsIsABugNotABadRequest() {
        assertThatThrownBy(() -> codec.fromStored(json("{'qa_pass_mark': 500}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("qa_pass_mark");
    }

    @Test
    void theFieldListIsTheDocumentsOrder() {
        List<String> names = new ArrayList<>();
        codec.encode(TenantSettings.DEFAULTS).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(SettingsDocument.FIELDS);
    }

    @Test
    void businessHoursMayUseAPartHourZoneThoughTheTenantsOwnZoneMayNot() {
        var settings = codec.parse(json("{'time_zone': 'Asia/Dubai', 'business_hours': {'time_zone': 'Asia/Kolkata',"
                + " 'weekly': {'monday': ['09:30-18:00']}}}"));
        org.assertj.core.api.Assertions.assertThat(settings.businessHours().timeZone())
                .isEqualTo(java.time.ZoneId.of("Asia/Kolkata"));
    }
}
