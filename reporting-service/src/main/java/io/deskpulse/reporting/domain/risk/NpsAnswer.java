package io.deskpulse.reporting.domain.risk;

import java.time.Instant;

/** An NPS response of a customer (the one it names, else its ticket's), for the at-risk score as of a past day. */
public record NpsAnswer(String customerId, Instant at, int score) {
}
