package org.remoteservices.support.adapter.camunda;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.remoteservices.support.application.port.StaffDirectory;
import org.springframework.stereotype.Component;

/** Staff e-mail addresses from the engine's users (Camunda Admin keeps them). */
@Component
public class CamundaStaffDirectory implements StaffDirectory {
  private final IdentityService identity;

  public CamundaStaffDirectory(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public List<String> emailsOf(String group) {
    return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream().map(User::getEmail)
        .filter(Objects::nonNull).filter(e -> !e.isBlank()).distinct().toList();
  }
}
