package org.remoteservices.tasknotices.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.remoteservices.tasknotices.domain.WaitingTask;

/** Open user tasks with candidate groups, read from the process engine (as the application, not as a staff member). */
public interface WaitingTasks {
  /** The task if it is still open and waits for at least one candidate group. */
  Optional<WaitingTask> open(String taskId);

  /** Open tasks with candidate groups created at or after {@code since}. */
  List<WaitingTask> createdSince(Instant since);

  /** Open tasks with candidate groups whose due date lies in [{@code from}, {@code to}). */
  List<WaitingTask> dueBetween(Instant from, Instant to);
}
