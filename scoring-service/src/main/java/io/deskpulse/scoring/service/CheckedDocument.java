package io.deskpulse.scoring.service;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body whose rules span its fields (and the fields of what it holds): it checks them all itself, so that
 * one answer names every bad field by its path, and Bean Validation reports them through {@link Valid}.
 */
public interface CheckedDocument {

    /** Every broken rule, each named by its path; none when the document is valid. */
    FieldErrors check();

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Validator.class)
    @interface Valid {
        String message() default "is not a valid document";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    class Validator implements ConstraintValidator<Valid, CheckedDocument> {

        @Override
        public boolean isValid(CheckedDocument document, ConstraintValidatorContext context) {
            return document == null || document.check().report(context);
        }
    }
}
