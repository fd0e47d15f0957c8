package org.remoteservices.tasknotices.domain;

import java.time.Instant;
import java.util.List;

/**
 * An open user task as its candidate groups are told about it: the step's name as the model gives it (no customer
 * data), the case's reference (RS-000123, PR-000012) and the staff page of the case, the dates, and the groups.
 *
 * @param caseReference the case number, or null when the task belongs to no case
 * @param casePath the staff page of the case ("/staff/cases/RS-000123"), or null
 */
public record WaitingTask(String taskId, String name, String caseReference, String casePath, Instant created, Instant due,
    Instant followUp, List<String> candidateGroups) {
  public WaitingTask {
    candidateGroups = List.copyOf(candidateGroups);
  }
}
