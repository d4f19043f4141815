package io.deskpulse.scoring.config;

/** When the service vacuums its tables itself (deskpulse.scoring.vacuum). */
public enum VacuumMode {
    /** Only when the server's autovacuum is off. */
    AUTO,
    /** Always, whatever autovacuum does. */
    ALWAYS,
    /** Never: vacuum is left to the server (and its operators). */
    NEVER;

    public boolean vacuums(boolean autovacuumOn) {
        return this == ALWAYS || this == AUTO && !autovacuumOn;
    }
}
