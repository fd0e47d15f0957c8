package org.remoteservices.shared.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the roles (docs/security.md): set in code, so that no profile can loosen it.
 * <ul>
 *   <li>{@code defaultUserPermissionNameForTask = TASK_WORK}: a task's candidate groups, candidate users and
 *       assignee get READ and TASK_WORK on it (claim, complete, submit its form), not Camunda's default UPDATE,
 *       which would also let them write its variables, delegate it, reassign it and change it.</li>
 *   <li>{@link IncidentHandlingCommandChecker} in place of Camunda's authorization checker (RETRY_JOB lets an
 *       operator annotate incidents, without UPDATE on the instance).</li>
 *   <li>{@link OperationLogAnnotations}: the request's annotation on every user-operation-log entry, and none of a
 *       process administrator's without one.</li>
 * </ul>
 */
@Component
public class EngineAuthorizationPlugin extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());

    List<CommandChecker> checkers = new ArrayList<>();
    checkers.add(new TenantCommandChecker()); // Camunda's own pair, with its authorization checker replaced
    checkers.add(new IncidentHandlingCommandChecker());
    configuration.setCommandCheckers(checkers);

    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new OperationLogAnnotations());
  }
}
