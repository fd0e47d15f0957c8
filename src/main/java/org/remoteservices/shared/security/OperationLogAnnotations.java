package org.remoteservices.shared.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Sees every user-operation-log entry before the engine stores it (a custom history event handler runs before
 * Camunda's database handler):
 * <ol>
 *   <li>an entry without an annotation gets the request's {@link OperationAnnotation}, if the caller gave one
 *       (operations whose API has no annotation field: delete, suspend, variables, restart, migration, jobs);</li>
 *   <li>an entry written for a member of {@link Groups#PROCESS_ADMINS} (who is not in {@link Groups#ADMINS}) that
 *       still has no annotation is refused: the {@link AuthorizationException} rolls the whole operation back. So
 *       no intervention of a process administrator reaches the database without its reason, whatever the path
 *       (either REST mount, a future Cockpit plugin, the Java API under their authentication).</li>
 * </ol>
 * Setting or clearing an annotation (of an incident, of an operation-log entry) is itself the explanation and
 * needs none.
 */
public class OperationLogAnnotations implements HistoryEventHandler {
  static final Set<String> SELF_EXPLAINING = Set.of(UserOperationLogEntry.OPERATION_TYPE_SET_ANNOTATION,
      UserOperationLogEntry.OPERATION_TYPE_CLEAR_ANNOTATION);

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof UserOperationLogEntryEventEntity entry)) {
      return;
    }
    if (isBlank(entry.getAnnotation()) && OperationAnnotation.current() != null) {
      entry.setAnnotation(OperationAnnotation.current());
    }
    if (isBlank(entry.getAnnotation()) && !SELF_EXPLAINING.contains(entry.getOperationType()) && byProcessAdministrator()) {
      throw new AuthorizationException("A process administrator's operation (" + entry.getOperationType() + " on "
          + entry.getEntityType() + ") needs an annotation saying why: the request's \"annotation\" field where the endpoint "
          + "has one, else the header " + OperationAnnotation.HEADER);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    for (HistoryEvent event : events) {
      handleEvent(event);
    }
  }

  private static boolean byProcessAdministrator() {
    CommandContext context = Context.getCommandContext();
    Authentication authentication = context == null ? null : context.getAuthentication();
    List<String> groups = authentication == null ? null : authentication.getGroupIds();
    return groups != null && groups.contains(Groups.PROCESS_ADMINS) && !groups.contains(Groups.ADMINS);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
