package org.remoteservices.shared.security;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.*;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the application's groups and what each may do, in every profile. The grants are declared here
 * and converge at each start: an existing grant of a group on a resource is set to exactly the permissions
 * below (so tightening this class tightens existing installations too), and the task grants Camunda gave
 * candidate groups and users before TASK_WORK became the default ({@link EngineAuthorizationPlugin}) lose UPDATE.
 *
 * <p>Least privilege (docs/security.md, "Roles"):
 * <ul>
 *   <li>operators: Cockpit over every process: read instances, history, incidents, jobs and variables; handle
 *       incidents (retry failed jobs, annotate incidents: {@link IncidentHandlingCommandChecker}). No UPDATE on any
 *       instance: no correlation, modification, migration, deletion, suspension, restart, variable write or job
 *       execution. Tasklist read-only. They start only communications (the start form), deploy nothing and complete no task.</li>
 *   <li>process administrators: what operators may, plus the interventions (modify, migrate, delete, suspend,
 *       restart, write variables, execute jobs), each with an annotation ({@link EngineRestOperationGuard},
 *       {@link OperationLogAnnotations}). They work no task and cannot edit or delete the operation log.</li>
 *   <li>technicians: Tasklist; the remote-support definition (names, diagram). Tasks come from candidate
 *       groups only (READ and TASK_WORK on that task: claim, complete, submit the form), so they see and complete
 *       remote-support tasks and nothing else: no process instances, no history, no other group's tasks. They start
 *       support-file-sharing (its start form records a share of support files with a register contractor).</li>
 *   <li>privacy officers: Tasklist; the privacy-request definition (and starting it); their tasks via candidate groups.</li>
 *   <li>sales: Tasklist; the communication definition; the call tasks of sales-call communications via candidate groups.</li>
 *   <li>admins: the group camunda-admin, which the engine treats as administrators (all permissions).</li>
 * </ul>
 */
@Component
public class AuthorizationBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationBootstrap.class);
  public static final String REMOTE_SUPPORT = "remote-support";
  public static final String PRIVACY_REQUEST = "privacy-request";
  public static final String SUPPORT_FILE_SHARING = "support-file-sharing";
  public static final String PRIVACY_RIGHT = "privacy-right";
  public static final String PRIVACY_RESTRICTION_LIFT = "privacy-restriction-lift";
  public static final String COMMUNICATION = "communication";

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public AuthorizationBootstrap(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void bootstrap() {
    group(Groups.ADMINS, "Camunda administrators", "SYSTEM");
    group(Groups.OPERATORS, "Operators", "WORKFLOW");
    group(Groups.PROCESS_ADMINS, "Process administrators", "WORKFLOW");
    group(Groups.TECHNICIANS, "Technicians", "WORKFLOW");
    group(Groups.PRIVACY_OFFICERS, "Privacy officers", "WORKFLOW");
    group(Groups.SALES, "Sales", "WORKFLOW");

    for (Resources resource : Resources.values()) { // as the starter does when camunda.bpm.admin-user is set
      grant(Groups.ADMINS, resource, "*", Permissions.ALL);
    }
    grant(Groups.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.OPERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.OPERATORS, Resources.PROCESS_DEFINITION, "*", READ, READ_HISTORY, READ_INSTANCE, READ_TASK, RETRY_JOB,
        READ_INSTANCE_VARIABLE, READ_HISTORY_VARIABLE, READ_TASK_VARIABLE);
    grant(Groups.OPERATORS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB,
        ProcessInstancePermissions.CREATE);
    // the one process operators start: a communication, from Tasklist's start form (issue 12)
    grant(Groups.OPERATORS, Resources.PROCESS_DEFINITION, COMMUNICATION, READ, CREATE_INSTANCE);
    grant(Groups.OPERATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(Groups.OPERATORS, Resources.TASK, "*", Permissions.READ);
    grant(Groups.OPERATORS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    grant(Groups.OPERATORS, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grant(Groups.OPERATORS, Resources.BATCH, "*", BatchPermissions.READ, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES);
    grant(Groups.OPERATORS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(Groups.OPERATORS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    grant(Groups.OPERATORS, Resources.FILTER, "*", Permissions.READ);

    // CREATE_INSTANCE and CREATE only for restarts: EngineRestOperationGuard refuses them process starts
    grant(Groups.PROCESS_ADMINS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.PROCESS_ADMINS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.PROCESS_ADMINS, Resources.PROCESS_DEFINITION, "*", READ, READ_HISTORY, READ_INSTANCE, READ_TASK, RETRY_JOB,
        READ_INSTANCE_VARIABLE, READ_HISTORY_VARIABLE, READ_TASK_VARIABLE, UPDATE_INSTANCE, UPDATE_INSTANCE_VARIABLE,
        SUSPEND_INSTANCE, DELETE_INSTANCE, MIGRATE_INSTANCE, CREATE_INSTANCE);
    grant(Groups.PROCESS_ADMINS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE,
        ProcessInstancePermissions.UPDATE_VARIABLE, ProcessInstancePermissions.RETRY_JOB, ProcessInstancePermissions.SUSPEND,
        ProcessInstancePermissions.DELETE, ProcessInstancePermissions.CREATE);
    grant(Groups.PROCESS_ADMINS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(Groups.PROCESS_ADMINS, Resources.TASK, "*", Permissions.READ);
    grant(Groups.PROCESS_ADMINS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    grant(Groups.PROCESS_ADMINS, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grant(Groups.PROCESS_ADMINS, Resources.BATCH, "*", BatchPermissions.READ, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES,
        BatchPermissions.CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
        BatchPermissions.CREATE_BATCH_UPDATE_PROCESS_INSTANCES_SUSPEND, BatchPermissions.CREATE_BATCH_MODIFY_PROCESS_INSTANCES,
        BatchPermissions.CREATE_BATCH_RESTART_PROCESS_INSTANCES, BatchPermissions.CREATE_BATCH_SET_VARIABLES,
        BatchPermissions.UPDATE, BatchPermissions.DELETE);
    grant(Groups.PROCESS_ADMINS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(Groups.PROCESS_ADMINS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    grant(Groups.PROCESS_ADMINS, Resources.FILTER, "*", Permissions.READ);

    grant(Groups.TECHNICIANS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.TECHNICIANS, Resources.PROCESS_DEFINITION, REMOTE_SUPPORT, READ);
    // support files shared with a contractor of the register: started from Tasklist with its start form
    grant(Groups.TECHNICIANS, Resources.PROCESS_DEFINITION, SUPPORT_FILE_SHARING, READ, CREATE_INSTANCE);
    grant(Groups.TECHNICIANS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    grant(Groups.TECHNICIANS, Resources.FILTER, "*", Permissions.READ);

    grant(Groups.PRIVACY_OFFICERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, PRIVACY_REQUEST, READ, CREATE_INSTANCE);
    grant(Groups.PRIVACY_OFFICERS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    grant(Groups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, PRIVACY_RIGHT, READ);
    // started through POST /api/privacy-requests/{id}/restriction-lift, as the officer
    grant(Groups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, PRIVACY_RESTRICTION_LIFT, READ, CREATE_INSTANCE);
    grant(Groups.PRIVACY_OFFICERS, Resources.FILTER, "*", Permissions.READ);

    grant(Groups.SALES, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.SALES, Resources.PROCESS_DEFINITION, COMMUNICATION, READ);
    grant(Groups.SALES, Resources.FILTER, "*", Permissions.READ);
    taskGrantsWithoutUpdate();
    LOG.info("groups and authorizations in place: {}, {}, {}, {}, {}", Groups.ADMINS, Groups.OPERATORS, Groups.PROCESS_ADMINS,
        Groups.TECHNICIANS, Groups.PRIVACY_OFFICERS);
  }

  /**
   * Camunda gives a task's candidate groups and users, assignee and owner a grant on that task. Before TASK_WORK
   * was the default ({@link EngineAuthorizationPlugin}) it said READ and UPDATE, and UPDATE also allows writing the
   * task's variables, delegating and reassigning it; on an installation that ran then, the open tasks keep such
   * grants. They become what the engine grants now: the same, with TASK_WORK in place of UPDATE.
   */
  private void taskGrantsWithoutUpdate() {
    int updated = 0;
    for (Authorization authorization : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).hasPermission(Permissions.UPDATE).list()) {
      if ("*".equals(authorization.getResourceId()) || Groups.ADMINS.equals(authorization.getGroupId())) {
        continue; // a grant on every task is declared above; administrators keep theirs
      }
      AuthorizationEntity entity = (AuthorizationEntity) authorization;
      entity.setPermissions((entity.getPermissions() & ~Permissions.UPDATE.getValue()) | Permissions.TASK_WORK.getValue());
      authorizations.saveAuthorization(entity);
      updated++;
    }
    if (updated > 0) {
      LOG.info("task grants of candidate groups and users: UPDATE replaced by TASK_WORK on {} grants", updated);
    }
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /** Makes the group's grant on the resource exactly these permissions (creating or correcting it). */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
        .list().stream().findFirst().orElse(null);
    int wanted = 0;
    for (Permission permission : permissions) {
      wanted |= permission.getValue();
    }
    if (authorization != null) {
      if (((AuthorizationEntity) authorization).getPermissions() == wanted) {
        return;
      }
      LOG.info("setting the grant of group {} on {} {} to {}", groupId, resource.resourceName(), resourceId, Arrays.toString(permissions));
    } else {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    ((AuthorizationEntity) authorization).setPermissions(wanted);
    authorizations.saveAuthorization(authorization);
  }
}
