package org.remoteservices.privacy.application.port;

import java.time.Instant;
import java.util.List;

/** The steps a privacy request's process went through (request and each right), for the case page's history. */
public interface PrivacyHistoryPort {
  record Step(String name, String type, Instant started, Instant ended, String assignee, String taskId) {
    public boolean open() {
      return ended == null;
    }
  }

  List<Step> stepsOf(String privacyRequestId);
}
