package io.deskpulse.scoring.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * The checks of a request body that one field's annotation cannot make (unknown fields, values that depend on
 * others or on now), as Bean Validation violations naming the field: the body says them in {@link Checkable#problems}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CheckedRequest.Validator.class)
public @interface CheckedRequest {

    String message() default "is not a valid request";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A body with checks of its own: field name → reason, in order. */
    interface Checkable {
        Map<String, String> problems();
    }

    class Validator implements ConstraintValidator<CheckedRequest, Checkable> {

        @Override
        public boolean isValid(Checkable request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            Map<String, String> problems = request.problems();
            context.disableDefaultConstraintViolation();
            problems.forEach((field, reason) -> {
                // Reasons are plain text: escape what Bean Validation would read as message parameters.
                String template = reason.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
                        .replace("$", "\\$");
                context.buildConstraintViolationWithTemplate(template).addPropertyNode(field).addConstraintViolation();
            });
            return problems.isEmpty();
        }
    }
}
