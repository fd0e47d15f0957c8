package org.remoteservices.shared.error;

/**
 * A use case (or a controller) refuses what it was asked, for a reason the caller can act on. Only the edges
 * translate it: the REST layer into a 4xx ({@code ApiExceptionHandler}), a task-form listener into a form
 * validation message in Tasklist. The message is a sentence for a person and never carries personal data.
 */
public class DomainException extends RuntimeException {
  /** What kind of refusal: the edges pick the status or the wording from it. */
  public enum Kind {
    /** The input is wrong (a missing field, a value out of range, a rule of the domain broken). */
    REJECTED,
    /** Nothing is known under that id or link. */
    NOT_FOUND,
    /** The thing exists but is not in a state that allows this now. */
    CONFLICT,
    /** It existed and is over for good (an expired link, a closed survey). */
    GONE,
    /** The content is larger than allowed. */
    TOO_LARGE,
    /** The content is not of an accepted kind (not a readable PDF). */
    UNSUPPORTED_CONTENT,
    /** Well-formed, but it cannot be processed (for instance, an unknown job number). */
    UNPROCESSABLE,
    /** The caller is known but may not do this (a technician outside their group's work). */
    FORBIDDEN
  }

  private final Kind kind;

  public DomainException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static DomainException rejected(String message) {
    return new DomainException(Kind.REJECTED, message);
  }

  public static DomainException notFound(String message) {
    return new DomainException(Kind.NOT_FOUND, message);
  }

  public static DomainException conflict(String message) {
    return new DomainException(Kind.CONFLICT, message);
  }

  public static DomainException gone(String message) {
    return new DomainException(Kind.GONE, message);
  }

  public static DomainException tooLarge(String message) {
    return new DomainException(Kind.TOO_LARGE, message);
  }

  public static DomainException unsupportedContent(String message) {
    return new DomainException(Kind.UNSUPPORTED_CONTENT, message);
  }

  public static DomainException forbidden(String message) {
    return new DomainException(Kind.FORBIDDEN, message);
  }

  public static DomainException unprocessable(String message) {
    return new DomainException(Kind.UNPROCESSABLE, message);
  }
}
