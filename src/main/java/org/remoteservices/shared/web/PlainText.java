package org.remoteservices.shared.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed, and nothing that only a tool would send: no control characters (NUL and friends;
 * line breaks only where {@link #multiline()}), no unpaired UTF-16 surrogates (a lone {@code \ud800} in JSON),
 * no bidirectional overrides (U+202E "Trojan source" tricks in names and mails), no noncharacters; in
 * single-line values also no invisible zero-width characters. Such characters break PostgreSQL (NUL), mail
 * headers and PDFs, or make a value look like another one in Tasklist and in mails.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {
  String message() default "must be plain text (no control, invisible or direction-changing characters)";

  boolean multiline() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, String> {
    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
      multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isPlain(value, multiline);
    }

    /** Whether the text passes the rule above. */
    public static boolean isPlain(String value, boolean multiline) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
          if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
            return false;
          }
          i++;
          continue;
        }
        if (Character.isLowSurrogate(c)) {
          return false;
        }
        if (c == '\n' || c == '\r' || c == '\t') {
          if (!multiline) {
            return false;
          }
          continue;
        }
        if (Character.getType(c) == Character.CONTROL) {
          return false;
        }
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C'
            || c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
          return false;
        }
        if (!multiline && ((c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF')) {
          return false;
        }
      }
      return true;
    }
  }
}
