package org.remoteservices.shared.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form refused by a task or start listener. The engine wraps a listener's exception into its own
 * ("ENGINE-03051 There was an exception while invoking the TaskListener. Message: '...'"), and the REST API that
 * Tasklist calls ({@code /camunda/api/engine}) answers that as a 500 with the engine's wording. So the refusal is
 * also remembered on the thread that submitted the form, where the web layer takes it to answer 400 with the
 * person's sentence alone ({@code shared.web.WebappFormRefusalFilter}).
 */
public final class FormRefusals {
  private static final ThreadLocal<String> LAST = new ThreadLocal<>();

  private FormRefusals() {}

  /** The exception to throw for a refused form field; the message is a person's sentence naming the field by its label. */
  public static FormFieldValidationException refuse(String field, String message) {
    LAST.set(message);
    return new FormFieldValidationException(field, message);
  }

  /** The last refusal on this thread (null: none), and forget it. */
  public static String take() {
    String message = LAST.get();
    LAST.remove();
    return message;
  }
}
