package org.remoteservices.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * A value stored in lower case (e-mail addresses: {@code toLowerCase(Locale.ROOT)}, stripped) fits its column of
 * {@link #max()} characters as stored. Lower-casing can make text longer ("İ", U+0130, becomes "i" and a combining dot),
 * so {@code @Size} on the value as sent is not enough: a 254-character address with one "İ" passed it and then failed
 * on the 254-character column (a 500 instead of a 400 naming the field).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = StoredLowerCase.Validator.class)
public @interface StoredLowerCase {
  int max();

  String message() default "is too long once stored in lower case (at most {max} characters)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<StoredLowerCase, String> {
    private int max;

    @Override
    public void initialize(StoredLowerCase annotation) {
      max = annotation.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.strip().toLowerCase(Locale.ROOT).length() <= max;
    }
  }
}
