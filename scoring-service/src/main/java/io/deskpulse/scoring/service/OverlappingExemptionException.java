package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.Exemption;

/** An exemption would share a day and a team with another one: which of their targets would count? */
public class OverlappingExemptionException extends RuntimeException {

    public OverlappingExemptionException(Exemption other) {
        super("The exemption shares days and teams with exemption " + other.id() + " (" + other.from() + ".."
                + other.to() + ", " + other.scope() + ": " + other.reason() + "); exemptions of a tenant must not "
                + "overlap. Change the days or teams of one of them, or merge them.");
    }
}
