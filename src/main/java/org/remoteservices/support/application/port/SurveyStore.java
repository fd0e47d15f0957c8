package org.remoteservices.support.application.port;

import java.time.Instant;
import java.util.Optional;
import org.remoteservices.support.domain.Survey;

/** Where satisfaction surveys are kept; implemented in adapter.db. */
public interface SurveyStore {
  void insert(String id, String supportRequestId, String status, Instant expiresAt);

  /** The request's newest survey. */
  Optional<Survey> ofRequest(String supportRequestId);

  Optional<Survey> find(String id);

  /** Stores the answer of a survey that is still open; returns 1, or 0 if it was answered or closed before. */
  int answer(String id, int rating, String comment);

  void close(String id);
}
