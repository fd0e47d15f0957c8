package org.remoteservices.testsupport;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.remoteservices.shared.security.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Staff accounts for tests, one per role, created through Camunda's IdentityService (the groups come from
 * AuthorizationBootstrap; the test profile has no demo users). {@link Role#WRONG_PASSWORD} is a technician
 * account that only ever gets a wrong password (Camunda delays an account after a failed login, so the
 * other accounts never see one).
 */
@Component
public class TestUsers {
  private static final String PASSWORD = "Test-" + UUID.randomUUID();

  public enum Role {
    ANONYMOUS(null, null),
    ADMIN("secadmin", Groups.ADMINS),
    OPERATOR("secoperator", Groups.OPERATORS),
    PROCESS_ADMIN("secprocessadmin", Groups.PROCESS_ADMINS),
    TECHNICIAN("sectechnician", Groups.TECHNICIANS),
    PRIVACY_OFFICER("secprivacy", Groups.PRIVACY_OFFICERS),
    SALES("secsales", Groups.SALES),
    WRONG_PASSWORD("secwrongpassword", Groups.TECHNICIANS);

    final String userId;
    final String group;

    Role(String userId, String group) {
      this.userId = userId;
      this.group = group;
    }
  }

  public record Login(String user, String password) {}

  @Autowired IdentityService identity;

  /** The credentials to send for a role (null for anonymous), the account created on first use. */
  public synchronized Login login(Role role) {
    if (role == Role.ANONYMOUS) {
      return null;
    }
    if (identity.createUserQuery().userId(role.userId).count() == 0) {
      User user = identity.newUser(role.userId);
      user.setFirstName("Test");
      user.setLastName(role.name());
      user.setEmail(role.userId + "@staff.example.com");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(role.userId, role.group);
    }
    return new Login(role.userId, role == Role.WRONG_PASSWORD ? PASSWORD + "-wrong" : PASSWORD);
  }
}
