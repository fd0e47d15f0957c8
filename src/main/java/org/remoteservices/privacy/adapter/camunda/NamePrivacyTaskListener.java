package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.privacy.application.ErasurePlanner;
import org.remoteservices.privacy.application.PrivacyMails;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.remoteservices.privacy.application.VerificationService;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.springframework.stereotype.Component;

/**
 * Names a privacy task after its request and deadline ("Review identity verification · PR-000012 · due
 * 25 December 2026"); the description says what the officer needs to know. No personal data: task names and
 * descriptions land in the engine's history.
 */
@Component
public class NamePrivacyTaskListener implements TaskListener {
  private final PrivacyRequestService requests;
  private final VerificationService verification;
  private final ErasurePlanner erasure;

  public NamePrivacyTaskListener(PrivacyRequestService requests, VerificationService verification, ErasurePlanner erasure) {
    this.requests = requests;
    this.verification = verification;
    this.erasure = erasure;
  }

  @Override
  public void notify(DelegateTask task) {
    PrivacyRequest request = requests.get(task.getExecution().getProcessBusinessKey());
    task.setName(task.getName() + " · " + request.reference() + " · due " + PrivacyMails.deadlineDay(request.dueAt()));
    task.setDueDate(java.util.Date.from(request.dueAt()));
    StringBuilder description = new StringBuilder("Privacy request " + request.reference() + " (" + request.jurisdiction() + "): "
        + PrivacyRequestService.labels(request.rights()) + ". Who asks, what matched, evidence and history: the case page /staff/privacy-requests/" + request.reference() + ".");
    switch (task.getTaskDefinitionKey()) {
      case PrivacyProcess.Elements.REVIEW_VERIFICATION -> description.append(" Still missing: ")
          .append(String.join("; ", verification.missing(request))).append('.');
      case PrivacyProcess.RightElements.REVIEW_RETENTION -> {
        var holds = erasure.holds(request.id());
        description.append(holds.isEmpty() ? " No legal holds on the subject's jobs." : " Legal holds (must be retained): ");
        holds.forEach(h -> description.append(h.category()).append(" on job ").append(h.jobNumber()).append(" (").append(h.legalBasis()).append("); "));
      }
      default -> { }
    }
    task.setDescription(description.toString());
  }
}
