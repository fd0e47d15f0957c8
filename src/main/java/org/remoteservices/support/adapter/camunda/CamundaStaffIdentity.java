package org.remoteservices.support.adapter.camunda;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.remoteservices.support.application.port.StaffIdentity;
import org.springframework.stereotype.Component;

/**
 * The staff member as the engine knows them: the staff API's authentication sets the engine's authenticated user and
 * their groups for the request ({@code shared.security.EngineAuthenticationFilter}, behind Spring Security), so use cases see the same identity as Camunda's
 * authorizations and its operation log.
 */
@Component
public class CamundaStaffIdentity implements StaffIdentity {
  private final IdentityService identity;

  public CamundaStaffIdentity(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Optional<Staff> current() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(new Staff(authentication.getUserId(),
        authentication.getGroupIds() == null ? Set.of() : Set.copyOf(authentication.getGroupIds())));
  }
}
