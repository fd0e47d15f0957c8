package org.remoteservices.shared.security;

import java.util.function.Supplier;

/**
 * The reason a caller gave for what the current request does to running cases ({@code X-Operation-Annotation},
 * docs/security.md). {@link OperationLogAnnotations} writes it into every user-operation-log entry the request
 * produces that has no annotation of its own; {@link EngineRestOperationGuard} sets it per request.
 */
public final class OperationAnnotation {
  /** The request header that carries a reason where Camunda's API has no annotation field. */
  public static final String HEADER = "X-Operation-Annotation";
  /** Camunda's ACT_HI_OP_LOG.ANNOTATION_ column holds 4000 characters. */
  public static final int MAX_LENGTH = 4000;
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private OperationAnnotation() {}

  /** The annotation of the operation this thread performs now, or null. */
  public static String current() {
    return CURRENT.get();
  }

  /** Runs the action with the annotation (null: none) for the operation-log entries it writes. */
  public static <T> T with(String annotation, Supplier<T> action) {
    String outer = enter(annotation);
    try {
      return action.get();
    } finally {
      leave(outer);
    }
  }

  /** Makes the annotation current; returns the one it replaces, for {@link #leave(String)}. */
  static String enter(String annotation) {
    String outer = CURRENT.get();
    CURRENT.set(annotation);
    return outer;
  }

  static void leave(String outer) {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }
}
