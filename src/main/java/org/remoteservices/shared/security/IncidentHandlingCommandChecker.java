package org.remoteservices.shared.security;

import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Camunda's authorization checks, with one change: whoever may retry a process instance's failed jobs
 * ({@code RETRY_JOB}) may also annotate (or clear the annotation of) its incidents.
 *
 * <p>Camunda checks an incident annotation as an update of the instance ({@code UPDATE} on the instance or
 * {@code UPDATE_INSTANCE} on its definition). That permission would also let operators correlate messages,
 * modify instances, execute jobs due in the future and write variables, which is exactly what they must not
 * do (docs/security.md, "Roles"). Handling incidents is retrying them and writing down why; this checker lets
 * the second follow the first, and leaves every other check as Camunda has it.
 */
public class IncidentHandlingCommandChecker extends AuthorizationCommandChecker {
  @Override
  public void checkUpdateProcessInstance(ExecutionEntity execution) {
    if (!annotatingAnIncident()) {
      super.checkUpdateProcessInstance(execution);
      return;
    }
    String definitionKey = execution.getProcessDefinition().getKey();
    getAuthorizationManager().checkAuthorization(new PermissionCheckBuilder()
        .disjunctive()
          .atomicCheckForResourceId(PROCESS_INSTANCE, execution.getProcessInstanceId(), ProcessInstancePermissions.RETRY_JOB)
          .atomicCheckForResourceId(PROCESS_DEFINITION, definitionKey, ProcessDefinitionPermissions.RETRY_JOB)
          .atomicCheckForResourceId(PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.UPDATE)
          .atomicCheckForResourceId(PROCESS_DEFINITION, definitionKey, Permissions.UPDATE_INSTANCE)
        .build());
  }

  /** The command being checked sets or clears an incident's annotation (RuntimeService#setAnnotationForIncidentById, ...). */
  private static boolean annotatingAnIncident() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    return invocation != null && invocation.getCommand() instanceof SetAnnotationForIncidentCmd;
  }
}
