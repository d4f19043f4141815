package io.deskpulse.reporting.domain.alert;

import java.util.List;

/** A page of alerts, newest first, and the cursor of the next one (null on the last). */
public record AlertPage(List<AlertRow> rows, String nextCursor) {
}
