package org.remoteservices.shared.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the application's groups and what each may do, in every profile (idempotent: run at each start).
 * Least privilege: operators run Cockpit over all processes; technicians see remote-support tasks in
 * Tasklist; privacy officers see privacy tasks; admins (camunda-admin) get everything from Camunda itself.
 * Task visibility comes from candidate groups (Camunda grants a candidate group READ and UPDATE on its task).
 */
@Component
public class AuthorizationBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationBootstrap.class);
  public static final String REMOTE_SUPPORT = "remote-support";
  public static final String PRIVACY_REQUEST = "privacy-request";
  public static final String PRIVACY_RIGHT = "privacy-right";

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public AuthorizationBootstrap(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void bootstrap() {
    group(Groups.OPERATORS, "Operators");
    group(Groups.TECHNICIANS, "Technicians");
    group(Groups.PRIVACY_OFFICERS, "Privacy officers");

    grant(Groups.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.OPERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.OPERATORS, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
    grant(Groups.OPERATORS, Resources.PROCESS_INSTANCE, "*", Permissions.ALL);
    grant(Groups.OPERATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(Groups.OPERATORS, Resources.TASK, "*", Permissions.READ);
    grant(Groups.OPERATORS, Resources.HISTORIC_TASK, "*", org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
    grant(Groups.OPERATORS, Resources.HISTORIC_PROCESS_INSTANCE, "*", org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
    grant(Groups.OPERATORS, Resources.BATCH, "*", Permissions.ALL);
    grant(Groups.OPERATORS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(Groups.OPERATORS, Resources.FILTER, "*", Permissions.READ);

    grant(Groups.TECHNICIANS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.TECHNICIANS, Resources.PROCESS_DEFINITION, REMOTE_SUPPORT, Permissions.READ);
    grant(Groups.TECHNICIANS, Resources.FILTER, "*", Permissions.READ);

    grant(Groups.PRIVACY_OFFICERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, PRIVACY_REQUEST, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(Groups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, PRIVACY_RIGHT, Permissions.READ);
    grant(Groups.PRIVACY_OFFICERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    grant(Groups.PRIVACY_OFFICERS, Resources.FILTER, "*", Permissions.READ);
    LOG.info("groups and authorizations in place: {}, {}, {}", Groups.OPERATORS, Groups.TECHNICIANS, Groups.PRIVACY_OFFICERS);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
