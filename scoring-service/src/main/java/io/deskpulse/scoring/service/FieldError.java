package io.deskpulse.scoring.service;

/**
 * One bad field of an admin document (settings, scoring models, exemptions, alert rules): {@code field} is its path ({@code business_hours.weekly.monday[1]},
 * null for the document as a whole), {@code reason} says what is wrong in words.
 */
public record FieldError(String field, String reason) {
}
