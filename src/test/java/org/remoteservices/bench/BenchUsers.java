package org.remoteservices.bench;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.remoteservices.shared.security.Groups;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The benchmark's staff: a technician (engine REST, Tasklist) and an operator (status API). Profile {@code bench}. */
@Component
@Profile("bench")
public class BenchUsers {
  public static final String TECHNICIAN = "benchtech";
  public static final String OPERATOR = "benchops";
  public static final String PASSWORD = "Bench-2026-pw";

  private final IdentityService identity;

  public BenchUsers(IdentityService identity) {
    this.identity = identity;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void create() {
    user(TECHNICIAN, Groups.TECHNICIANS);
    user(OPERATOR, Groups.OPERATORS);
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setFirstName("Bench");
    user.setLastName(id);
    user.setEmail(id + "@staff.example.com");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }
}
