package org.remoteservices.tasknotices.application.port;

import java.util.List;
import org.remoteservices.tasknotices.domain.StaffMember;

/** The members of a staff group (Camunda identity), those with an e-mail address only. */
public interface StaffMembers {
  List<StaffMember> withEmailIn(String group);

  /** The account's address, if it has one. */
  java.util.Optional<String> emailOf(String userId);
}
