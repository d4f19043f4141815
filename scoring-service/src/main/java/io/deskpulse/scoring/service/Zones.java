package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * IANA time zones of settings. Only region ids the JVM knows (and UTC) are taken: a fixed offset such as
 * {@code +02:00} would silently ignore daylight saving time, which is rarely what a helpdesk means.
 */
final class Zones {

    private Zones() {
    }

    static ZoneId decode(JsonNode node, String path, FieldErrors errors) {
        if (node.isTextual()) {
            String id = node.textValue();
            if (id.equals("UTC")) {
                return ZoneOffset.UTC;
            }
            if (ZoneId.getAvailableZoneIds().contains(id)) {
                return ZoneId.of(id);
            }
        }
        errors.add(path, "must be an IANA time zone such as \"Europe/Berlin\" or \"UTC\", got "
                + (node.isTextual() ? FieldErrors.quote(node.textValue()) : node.toString()));
        return null;
    }

    /**
     * The tenant's own zone, which reports default to: aggregates are hourly, so only a zone whose UTC
     * offsets are whole hours can be reported exactly (business hours may use any zone). Checked against
     * the offsets the zone has had since 1970 and will have by its rules.
     */
    static ZoneId decodeReportZone(JsonNode node, String path, FieldErrors errors) {
        ZoneId zone = decode(node, path, errors);
        if (zone == null) {
            return null;
        }
        ZoneRules rules = zone.getRules();
        java.util.List<ZoneOffset> offsets = new java.util.ArrayList<>(List.of(rules.getOffset(Instant.EPOCH)));
        rules.getTransitions().stream().filter(t -> !t.getInstant().isBefore(Instant.EPOCH))
                .forEach(t -> offsets.add(t.getOffsetAfter()));
        rules.getTransitionRules().forEach(r -> {
            offsets.add(r.getOffsetBefore());
            offsets.add(r.getOffsetAfter());
        });
        for (ZoneOffset offset : offsets) {
            if (offset.getTotalSeconds() % 3600 != 0) {
                errors.add(path, "must have a whole-hour UTC offset, for reports default to it and are exact per hour; "
                        + zone.getId() + " has " + offset + " (business_hours.time_zone may be any zone)");
                return null;
            }
        }
        return zone;
    }

    /** The id as written; the catalog's default, {@link ZoneOffset#UTC}, is written "UTC" (its own id is "Z"). */
    static String encode(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
