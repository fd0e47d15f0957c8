package org.remoteservices.shared.web;

import java.util.List;

/** The JSON body of every error the API returns: what was wrong, per field where it is about a field. */
public record ApiError(int status, String error, String message, List<FieldProblem> fieldErrors) {
  public record FieldProblem(String field, String message) {}
}
