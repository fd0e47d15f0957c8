package org.remoteservices.shared.web;

import org.springframework.http.HttpStatus;

/** A request the application refuses for a reason the caller can act on; becomes a 4xx with this message. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message);
  }

  public static ApiException gone(String message) {
    return new ApiException(HttpStatus.GONE, message);
  }

  public static ApiException unprocessable(String message) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message);
  }

  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message);
  }

  public static ApiException tooLarge(String message) {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, message);
  }
}
