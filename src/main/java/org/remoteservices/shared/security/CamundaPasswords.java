package org.remoteservices.shared.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Password checks against Camunda's identity service, the one user store, through the {@link LoginThrottle}.
 * {@link #check} is {@code IdentityService.checkPassword} (which counts a failure towards the engine's lockout and
 * resets the count on success), unless the throttle says the account's budget of counted failures is used up:
 * then the password is first compared by the engine's read-only identity provider, which matches the stored hash
 * exactly as {@code checkPassword} does but counts nothing, and only a matching password goes on to
 * {@code checkPassword}.
 */
@Component
public class CamundaPasswords {
  private static final Logger LOG = LoggerFactory.getLogger(CamundaPasswords.class);
  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl configuration;
  private final LoginThrottle throttle;

  public CamundaPasswords(IdentityService identity, ProcessEngine engine, LoginThrottle throttle) {
    this.identity = identity;
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.throttle = throttle;
    int maxAttempts = configuration.getLoginMaxAttempts();
    if (throttle.settings().enabled() && throttle.settings().countedFailures() >= maxAttempts) {
      throw new IllegalStateException("rso.security.login-throttle.account.counted-failures (" + throttle.settings().countedFailures()
          + ") must stay below camunda.bpm.generic-properties.properties.login-max-attempts (" + maxAttempts
          + "), or a stranger's wrong passwords could lock an account");
    }
    if (configuration.getLoginDelayBase() > 0) {
      LOG.warn("camunda.bpm.generic-properties.properties.login-delay-base is {} s: during the engine's delay even the right "
          + "password fails, so a stranger's attempts can keep the real user out (docs/security.md, \"Failed logins\")",
          configuration.getLoginDelayBase());
    }
  }

  public LoginThrottle throttle() {
    return throttle;
  }

  /** The staff member and their groups and tenants, if {@code password} is theirs; null otherwise. */
  public StaffUser login(String address, String userId, String password) throws LoginThrottle.Throttled {
    if (userId == null || userId.isEmpty() || password == null) {
      return null;
    }
    try (LoginThrottle.Attempt attempt = throttle.begin(address, userId, () -> countedFailures(userId))) {
      boolean ok = check(userId, password, attempt);
      if (!ok) {
        attempt.failed();
        return null;
      }
      attempt.succeeded();
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    return new StaffUser(userId, groups, tenants);
  }

  /** The check {@code attempt} allows (see the class comment). */
  public boolean check(String userId, String password, LoginThrottle.Attempt attempt) {
    if (attempt.countedByEngine()) {
      return identity.checkPassword(userId, password);
    }
    return matchesWithoutCounting(userId, password) && identity.checkPassword(userId, password);
  }

  /** The engine's failed-attempt counter of the account (ACT_ID_USER.ATTEMPTS_); 0 for an unknown user. */
  public int countedFailures(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user instanceof UserEntity entity ? entity.getAttempts() : 0;
  }

  /** The engine's own password comparison (salt, hash, PasswordManager) without its failed-attempt accounting. */
  public boolean matchesWithoutCounting(String userId, String password) {
    return configuration.getCommandExecutorTxRequired()
        .execute(context -> new DbReadOnlyIdentityServiceProvider().checkPassword(userId, password));
  }
}
