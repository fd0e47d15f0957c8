package org.remoteservices.support.application.port;

import java.time.Instant;
import java.util.List;

/** The user tasks a case went through or waits at (from the engine's history), for the case page's timeline. */
public interface CaseTasksPort {
  record CaseTask(String id, String name, String candidateGroup, String assignee, Instant created, Instant ended, Instant due,
      Instant followUp, boolean open) {}

  List<CaseTask> tasksOf(String supportRequestId);
}
