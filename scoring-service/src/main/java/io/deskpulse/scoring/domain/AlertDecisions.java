package io.deskpulse.scoring.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one evaluation of a rule changes: an alert is raised for a member whose reading breaks the threshold on
 * at least the minimum volume and has no open alert; an open alert is resolved when its member's reading no
 * longer does — the value is back, or the window holds fewer contributions than the minimum volume (then the
 * evidence is gone, whatever the value).
 */
public final class AlertDecisions {

    public static final String BACK_WITHIN_THRESHOLD = "the value is back within the threshold";
    public static final String VOLUME_TOO_LOW = "fewer contributions in the window than min_volume";

    /** Raise (reason null) or resolve an alert of a member ('' for the tenant dimension). */
    public record Decision(String member, boolean raise, AlertMetric.Reading reading, String reason) {
    }

    private AlertDecisions() {
    }

    /** {@code readings}: the members with contributions in the window; {@code open}: members with an open alert. */
    public static List<Decision> decide(AlertRule rule, Map<String, AlertMetric.Reading> readings, Set<String> open) {
        Set<String> members = new TreeSet<>(readings.keySet());
        members.addAll(open);
        List<Decision> decisions = new ArrayList<>();
        for (String member : members) {
            AlertMetric.Reading reading = readings.getOrDefault(member, AlertMetric.Reading.NONE);
            boolean enough = reading.volume() >= rule.minVolume() && reading.value() != null;
            boolean breached = enough && rule.breaches(reading.value());
            if (breached && !open.contains(member)) {
                decisions.add(new Decision(member, true, reading, null));
            } else if (!breached && open.contains(member)) {
                decisions.add(new Decision(member, false, reading, enough ? BACK_WITHIN_THRESHOLD : VOLUME_TOO_LOW));
            }
        }
        return decisions;
    }
}
