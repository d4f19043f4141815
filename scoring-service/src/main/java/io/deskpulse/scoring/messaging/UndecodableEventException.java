package io.deskpulse.scoring.messaging;

/** A record scoring cannot turn into an event; its message is the dead-letter reason. */
public class UndecodableEventException extends Exception {

    public UndecodableEventException(String reason) {
        super(reason);
    }
}
