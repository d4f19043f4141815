package io.deskpulse.scoring.service;

import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Collects every bad field of a document while it is read or validated, so that one answer names them all. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** Each of {@code fields} (sorted, for a stable answer) as an error at {@code prefix + name}: none is known. */
    public void unknown(Map<String, ?> fields, String prefix, String reason) {
        if (fields != null) {
            new TreeSet<>(fields.keySet()).forEach(name -> add(prefix + name, reason));
        }
    }

    public int count() {
        return errors.size();
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** For a class-level constraint: each error a violation at its path; whether there were none. */
    public boolean report(ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        for (FieldError error : errors) {
            // Reasons are plain text: escape what Bean Validation would read as message parameters.
            String template = error.reason().replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
                    .replace("$", "\\$");
            context.buildConstraintViolationWithTemplate(template).addPropertyNode(error.field()).addConstraintViolation();
        }
        return errors.isEmpty();
    }

    public static String quote(String text) {
        return "'" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "'";
    }
}
