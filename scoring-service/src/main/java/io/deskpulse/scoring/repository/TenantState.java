package io.deskpulse.scoring.repository;

import io.deskpulse.storage.CodePointOrder;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * A tenant's row of {@code tenant_state}. While a recomputation runs, {@code buildingGeneration} is set
 * and {@code cursor} says which timelines it has written there already (null: none yet).
 */
public record TenantState(String tenantId, int activeGeneration, int activeSettingsVersion, Integer buildingGeneration,
        Integer buildingSettingsVersion, UUID recomputationId, Cursor cursor) {

    /** Timelines are rebuilt in the order ticket timelines (kind 0, by ticket), then agent days (kind 1). */
    public record Cursor(int kind, String subject, LocalDate day) implements Comparable<Cursor> {

        public static final int TICKETS = 0;
        public static final int AGENT_DAYS = 1;

        /** Subjects compare as PostgreSQL's COLLATE "C" that the recomputation walks them in. */
        public static final Comparator<String> CODE_POINT_ORDER = CodePointOrder.COMPARATOR;

        private static final Comparator<Cursor> ORDER = Comparator.comparingInt(Cursor::kind)
                .thenComparing(Cursor::subject, CODE_POINT_ORDER)
                .thenComparing(Cursor::day, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Cursor other) {
            return ORDER.compare(this, other);
        }
    }

    public static TenantState initial(String tenant) {
        return new TenantState(tenant, 0, 0, null, null, null, null);
    }

    public boolean isBuilding() {
        return buildingGeneration != null;
    }

    /** Whether the generation being built already holds this timeline (so batches must keep it current there). */
    public boolean buildingHolds(Cursor timeline) {
        return isBuilding() && cursor != null && timeline.compareTo(cursor) <= 0;
    }
}
