package org.remoteservices.support.application.port;

import java.util.Optional;
import java.util.Set;

/** Who the staff member calling a use case is (the engine's authenticated user); implemented in adapter.camunda. */
public interface StaffIdentity {
  /** A staff member: their user id and the groups they are in. */
  record Staff(String userId, Set<String> groups) {
    public boolean inAnyOf(String... candidates) {
      for (String group : candidates) {
        if (groups.contains(group)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The staff member of the current request; empty outside one (a job, a test calling the use case directly). */
  Optional<Staff> current();
}
