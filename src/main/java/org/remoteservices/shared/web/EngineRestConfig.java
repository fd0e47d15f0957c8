package org.remoteservices.shared.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, plus one thing: a task form that the server refuses
 * (a task listener's {@link FormFieldValidationException}) is the caller's mistake, so it answers 400 with
 * the listener's message instead of the engine's generic 500.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {
  @Override
  protected void registerAdditionalResources() {
    register(FormValidationAwareRestExceptionMapper.class);
  }

  @Provider
  @Priority(1)
  public static class FormValidationAwareRestExceptionMapper implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      FormFieldValidationException validation = find(exception);
      int status = validation != null ? 400 : exception.getStatus() == null ? 500 : exception.getStatus().getStatusCode();
      String message = validation != null ? validation.getMessage() : exception.getMessage();
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", validation != null ? "FormValidationException" : exception.getClass().getSimpleName(),
              "message", message == null ? "" : message))
          .build();
    }

    private static FormFieldValidationException find(Throwable t) {
      for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
        if (c instanceof FormFieldValidationException f) {
          return f;
        }
      }
      return null;
    }
  }
}
