package org.remoteservices.privacy.application;

import java.util.Collection;
import java.util.List;

/** What the privacy use cases need from the process engine; implemented in adapter.camunda. */
public interface PrivacyProcessPort {
  /** Starts {@code privacy-request} for a stored request (in the caller's transaction). */
  void start(String privacyRequestId, boolean verificationRequired, boolean erasureRequested);

  /** Tells a request waiting for identity evidence that some arrived; false if it is not waiting. */
  boolean evidenceReceived(String privacyRequestId);

  /** The deadline moved (an extension): a waiting "still unverified" timer moves with it. */
  void verificationDeadlineMoved(String privacyRequestId, java.time.Instant newVerificationDeadline);

  /** Tells each running remote-support instance of these requests that its requester restricted processing. */
  int tellRemoteSupportOfRestriction(Collection<String> supportRequestIds);

  /** Ids of every process instance, running or finished, about these support requests and recordings. */
  List<String> processInstancesAbout(Collection<String> supportRequestIds, Collection<String> recordingIds);

  /** Stops the running ones of these instances at once, without listeners (an erased case sends nothing more). */
  int cancelProcessInstances(Collection<String> processInstanceIds, String reason);

  /** Deletes the (ended) instances' whole history: variables, tasks, activities, comments, attachments, operation log. */
  void eraseProcessHistory(Collection<String> processInstanceIds);
}
