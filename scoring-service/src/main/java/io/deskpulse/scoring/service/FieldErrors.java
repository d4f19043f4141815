package io.deskpulse.scoring.service;

import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a document while it is read, so that one answer names them all. */
final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    int count() {
        return errors.size();
    }

    boolean any() {
        return !errors.isEmpty();
    }

    List<FieldError> list() {
        return List.copyOf(errors);
    }

    static String quote(String text) {
        return "'" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "'";
    }
}
