package io.deskpulse.reporting.rest.request;

/** A parsed report request: what to read ({@code query}), and the representation {@code format} asked for (null: by Accept). */
public record ParsedRequest<Q>(Q query, Representation format) {
}
