package org.remoteservices.shared.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.remoteservices.shared.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the project's own API into a JSON {@link ApiError}: 4xx naming what was wrong for
 * bad input, a bare 500 without details (and a log line without request data) for our own faults.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** A use case's refusal: the kind picks the status, the message is already a sentence for the caller. */
  @ExceptionHandler(DomainException.class)
  ResponseEntity<ApiError> refused(DomainException e) {
    return error(status(e.kind()), e.getMessage(), List.of());
  }

  static HttpStatus status(DomainException.Kind kind) {
    return switch (kind) {
      case REJECTED -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case GONE -> HttpStatus.GONE;
      case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case UNSUPPORTED_CONTENT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
    };
  }

  @ExceptionHandler(BindException.class) // includes MethodArgumentNotValidException
  ResponseEntity<ApiError> invalid(BindException e) {
    List<ApiError.FieldProblem> problems = e.getFieldErrors().stream()
        .map(f -> new ApiError.FieldProblem(f.getField(), f.getDefaultMessage()))
        .sorted(Comparator.comparing(ApiError.FieldProblem::field))
        .toList();
    String fields = problems.stream().map(ApiError.FieldProblem::field).distinct().collect(Collectors.joining(", "));
    return error(HttpStatus.BAD_REQUEST, "invalid fields: " + fields, problems);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
        return bodyTooLarge(tooLarge);
      }
    }
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      String name = shorten(u.getPropertyName());
      return error(HttpStatus.BAD_REQUEST, "unknown field: " + name, List.of(new ApiError.FieldProblem(name, "is not a field of this request")));
    }
    if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
      String field = path((JsonMappingException) cause);
      return error(HttpStatus.BAD_REQUEST, "wrong type for field: " + field,
          List.of(new ApiError.FieldProblem(field, "has the wrong type")));
    }
    return error(HttpStatus.BAD_REQUEST, "the request body is not valid JSON", List.of());
  }

  /** A body without a declared length that went past rso.security.max-body-bytes while it was read (BodySizeLimitFilter). */
  @ExceptionHandler(BodySizeLimitFilter.BodyTooLargeException.class)
  ResponseEntity<ApiError> bodyTooLarge(BodySizeLimitFilter.BodyTooLargeException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header("Connection", "close").body(BodySizeLimitFilter.tooLarge(e.maxBytes()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is too large", List.of());
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
    return error(HttpStatus.BAD_REQUEST, "missing part: " + e.getRequestPartName(),
        List.of(new ApiError.FieldProblem(e.getRequestPartName(), "is required")));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, "missing parameter: " + e.getParameterName(),
        List.of(new ApiError.FieldProblem(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, "wrong type for parameter: " + e.getName(),
        List.of(new ApiError.FieldProblem(e.getName(), "has the wrong type")));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> multipart(MultipartException e) {
    return error(HttpStatus.BAD_REQUEST, "the request is not a valid multipart upload", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported content type; supported: " + e.getSupportedMediaTypes(), List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return error(HttpStatus.NOT_ACCEPTABLE, "cannot produce the requested content type", List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed here", List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
    return error(HttpStatus.NOT_FOUND, "no such resource", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    // exception messages may quote request data or database values (a customer's name in a constraint message):
    // the log gets the exception types and where they were thrown, never their messages
    String incident = java.util.UUID.randomUUID().toString();
    LOG.error("unexpected failure, incident {}: {}", incident, withoutMessages(e));
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error (incident " + incident + "); the operators can find it in the log",
        List.of());
  }

  /** "TypeA at frame <- caused by TypeB at frame ...": the chain of exception types and their top frames, no messages. */
  static String withoutMessages(Throwable e) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (Throwable t = e; t != null && depth < 10; t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (depth > 0) {
        out.append("\n  caused by ");
      }
      out.append(t.getClass().getName());
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 8); i++) {
        out.append("\n    at ").append(frames[i]);
      }
    }
    return out.toString();
  }

  private static String path(JsonMappingException e) {
    return shorten(e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")));
  }

  /** Names the caller chose (unknown fields) are echoed, but not at any length. */
  private static String shorten(String name) {
    return name == null ? "" : name.length() > 80 ? name.substring(0, 80) + "..." : name;
  }

  static ResponseEntity<ApiError> error(HttpStatusCode status, String message, List<ApiError.FieldProblem> fields) {
    HttpStatus s = HttpStatus.valueOf(status.value());
    return ResponseEntity.status(status).body(new ApiError(s.value(), s.getReasonPhrase(), message, fields.isEmpty() ? null : fields));
  }
}
