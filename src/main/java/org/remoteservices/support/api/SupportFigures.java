package org.remoteservices.support.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Figures of the remote-support cases for the operators' reports (no personal data). */
public interface SupportFigures {
  record Count(String key, long count) {}

  /** Survey answers: how many, and how many rated 4 or 5 (CSAT is their share). */
  record Csat(long answered, long satisfied) {
    public Double share() {
      return answered == 0 ? null : (double) satisfied / answered;
    }
  }

  /** A recording or support file whose retention ends within the window (or has ended) and is not destroyed yet. */
  record DueForDestruction(String caseNumber, String kind, String what, LocalDate dueOn) {}

  List<Count> requestsByStatus();

  Csat csat(Instant since);

  List<DueForDestruction> dueForDestruction(Instant until);
}
