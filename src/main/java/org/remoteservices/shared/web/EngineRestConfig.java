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
 * (a task listener's {@link FormFieldValidationException}, or a variable of a type the engine refuses to
 * store, such as a Java-serialized object) is the caller's mistake, so it answers 400 with the message
 * instead of the engine's generic 500.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {
  @Override
  protected void registerAdditionalResources() {
    register(FormValidationAwareRestExceptionMapper.class);
    register(NotFoundExceptionMapper.class);
  }

  /** "execution ... doesn't exist: execution is null" (a missing id in the path) is a 404, not the engine's 500. */
  @Provider
  @Priority(1)
  public static class NotFoundExceptionMapper implements ExceptionMapper<org.camunda.bpm.engine.exception.NullValueException> {
    @Override
    public Response toResponse(org.camunda.bpm.engine.exception.NullValueException exception) {
      return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "NotFound", "message", exception.getMessage() == null ? "not found" : exception.getMessage())).build();
    }
  }

  @Provider
  @Priority(1)
  public static class FormValidationAwareRestExceptionMapper implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      FormFieldValidationException validation = find(exception);
      if (validation == null && findNotFound(exception)) {
        return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "NotFound", "message", exception.getMessage() == null ? "not found" : exception.getMessage())).build();
      }
      boolean refusedType = validation == null && refusedVariableType(exception);
      int status = validation != null || refusedType ? 400 : exception.getStatus() == null ? 500 : exception.getStatus().getStatusCode();
      String message = validation != null ? validation.getMessage()
          : refusedType ? "a submitted variable has a type that is not accepted (serialized Java objects are refused)" : exception.getMessage();
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", validation != null ? "FormValidationException" : exception.getClass().getSimpleName(),
              "message", message == null ? "" : message))
          .build();
    }

    /** ENGINE-17007: a Java-serialized variable (javaSerializationFormatEnabled is off); ENGINE-03064: type validation refused. */
    private static boolean refusedVariableType(Throwable t) {
      for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
        String m = c.getMessage();
        if (m != null && (m.contains("ENGINE-17007") || m.contains("ENGINE-03064"))) {
          return true;
        }
      }
      return false;
    }

    /** The engine's "Cannot find task with id ...: task is null" (NullValueException): the caller named nothing that exists. */
    private static boolean findNotFound(Throwable t) {
      for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
        if (c instanceof org.camunda.bpm.engine.exception.NullValueException) {
          return true;
        }
      }
      return false;
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
