package org.remoteservices.privacy.application.port;

import java.time.Instant;
import java.util.Collection;

/**
 * What the privacy use cases need from the process engine; implemented in adapter.camunda. Other features'
 * processes are reached only through their subject-data providers; the two engine-wide operations here take
 * process instance ids those providers listed.
 */
public interface PrivacyProcessPort {
  /** Starts {@code privacy-request} for a stored request (in the caller's transaction). */
  void start(String privacyRequestId, boolean verificationRequired, boolean erasureRequested);

  /** Starts the lift of a request's restriction: the notice to the person, the notice period, then the lift. */
  void startRestrictionLift(String privacyRequestId);

  /** Tells a request waiting for identity evidence that some arrived; false if it is not waiting. */
  boolean evidenceReceived(String privacyRequestId);

  /** The deadline moved (an extension): a waiting "still unverified" timer moves with it. */
  void verificationDeadlineMoved(String privacyRequestId, Instant newVerificationDeadline);

  /** Stops the running ones of these instances at once, without listeners (an erased case sends nothing more). */
  int cancelProcessInstances(Collection<String> processInstanceIds, String reason);

  /** Deletes the (ended) instances' whole history: variables, tasks, activities, comments, attachments, operation log. */
  void eraseProcessHistory(Collection<String> processInstanceIds);
}
