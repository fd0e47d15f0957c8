package org.remoteservices.shared.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/** Password checks against Camunda's identity service, the one user store. */
@Component
public class CamundaPasswords {
  private final IdentityService identity;

  public CamundaPasswords(IdentityService identity) {
    this.identity = identity;
  }

  /** The staff member and their groups and tenants, if {@code password} is theirs; null otherwise. */
  public StaffUser login(String address, String userId, String password) {
    if (userId == null || userId.isEmpty() || password == null || !identity.checkPassword(userId, password)) {
      return null;
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    return new StaffUser(userId, groups, tenants);
  }
}
