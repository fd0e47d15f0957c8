package org.remoteservices.tasknotices.application.port;

import java.time.Instant;

/** Each staff member's own switch for task mails; no row means on. */
public interface TaskMailSettings {
  boolean mailsOn(String userId);

  void set(String userId, boolean on, Instant at);
}
