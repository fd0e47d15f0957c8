package org.remoteservices.shared.security;

import java.util.List;

/** A logged-in staff member: the Camunda user, their groups and tenants (the principal of a staff request). */
public record StaffUser(String id, List<String> groups, List<String> tenants) {
  public StaffUser {
    groups = List.copyOf(groups);
    tenants = List.copyOf(tenants);
  }

  @Override
  public String toString() {
    return id;
  }
}
