package org.remoteservices.tasknotices.adapter.camunda;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.remoteservices.shared.process.AsTheApplication;
import org.remoteservices.tasknotices.application.port.StaffMembers;
import org.remoteservices.tasknotices.domain.StaffMember;
import org.springframework.stereotype.Component;

/** Members of a group from Camunda's identity service, read as the application; those without an address are left out. */
@Component
public class EngineStaffMembers implements StaffMembers {
  private final IdentityService identity;

  public EngineStaffMembers(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public List<StaffMember> withEmailIn(String group) {
    return AsTheApplication.run(identity, () -> identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
        .filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).map(u -> new StaffMember(u.getId(), u.getEmail().strip())).toList());
  }

  @Override
  public java.util.Optional<String> emailOf(String userId) {
    return AsTheApplication.run(identity, () -> java.util.Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
        .map(u -> u.getEmail()).filter(e -> e != null && !e.isBlank()));
  }
}
