package org.remoteservices.support.application;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.mail.MailAttachment;
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.mail.MailTemplates;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.shared.pdf.PdfActiveContent;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.support.application.port.RssvDocuments;
import org.remoteservices.support.application.port.RssvStore;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.RssvForm;
import org.remoteservices.support.domain.RssvReturn;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.SupportStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The remote-support case's steps around the Remote Session Security Verification form: generate it, mail it,
 * remind, expire, record the technician's decision and mail a rejection (the delegates and the timers call these).
 * What the customer does with the mailed link is {@link RssvLinkService}.
 */
@Service
public class RssvService {
  private static final Logger LOG = LoggerFactory.getLogger(RssvService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final SupportRequestStore requests;
  private final RssvStore forms;
  private final JobDirectory jobs;
  private final FileStore files;
  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final AccessTokens tokens;
  private final RssvDocuments document;
  private final RssvDeadlines deadlines;
  private final PublicLinks links;
  private final TimeSource time;
  private final List<org.remoteservices.support.api.SurveyGate> gates;

  private CaseStatusService caseStatus;

  /** The status page's link line at the end of the mails (a setter, so the constructor stays as it was). */
  @org.springframework.beans.factory.annotation.Autowired
  void setCaseStatus(CaseStatusService caseStatus) {
    this.caseStatus = caseStatus;
  }

  public RssvService(SupportRequestStore requests, RssvStore forms, JobDirectory jobs, FileStore files, MailOutbox outbox,
      AccessTokens tokens, RssvDocuments document, RssvDeadlines deadlines, PublicLinks links, TimeSource time, List<org.remoteservices.support.api.SurveyGate> gates,
      MailTemplates templates) {
    this.templates = templates;
    this.gates = gates;
    this.requests = requests;
    this.forms = forms;
    this.jobs = jobs;
    this.files = files;
    this.outbox = outbox;
    this.tokens = tokens;
    this.document = document;
    this.deadlines = deadlines;
    this.links = links;
    this.time = time;
  }

  /** Generates the request's RSSV PDF once; a rerun of the step finds it and does nothing. */
  @Transactional
  public RssvForm generate(String supportRequestId) {
    return forms.formOfRequest(supportRequestId).orElseGet(() -> {
      SupportRequest request = requests.get(supportRequestId);
      Job job = jobs.find(request.jobNumber()).orElseThrow();
      String referenceCode = "RSSV-" + randomCode(8);
      String key = "rssv/" + supportRequestId + "/rssv-form.pdf";
      String sha = files.write(key, document.render(request, job, referenceCode, time.now()));
      RssvForm form = new RssvForm(UUID.randomUUID().toString(), supportRequestId, referenceCode, key, sha, "GENERATED");
      forms.insertForm(form);
      return form;
    });
  }

  /** Mails the form with a return link (round 1). */
  @Transactional
  public void mailForm(String supportRequestId) {
    RssvForm form = form(supportRequestId);
    SupportRequest request = requests.get(supportRequestId);
    Job job = jobs.find(request.jobNumber()).orElseThrow();
    outbox.deliverOnce("rssv-form:" + form.id(), () -> {
      String link = newRoundLink(form);
      return templates.mail(supportRequestId, List.of(request.requesterEmail()),
          "Please sign and return your Remote Session Security Verification form (case " + request.caseNumber() + ")",
          "rssv-form", Map.of("name", request.requesterName(), "jobNumber", job.jobNumber(), "jobName", job.jobName(),
              "caseNumber", request.caseNumber(), "link", link, "validUntil", Dates.format(expiresAt(form)), "statusLink", CaseStatusService.linkFor(caseStatus, supportRequestId)),
          List.of(MailAttachment.pdf("RSSV-" + request.caseNumber() + ".pdf", form.pdfFile())));
    });
    forms.updateFormStatus(form.id(), "SENT");
  }

  /** The reminder timer: the configured time after the current round's link was mailed. */
  public Instant reminderAt(String supportRequestId) {
    return deadlines.reminderAt(form(supportRequestId));
  }

  /** The expiry timer: the configured time after the current round's link was mailed; links expire with it. */
  public Instant expiresAt(String supportRequestId) {
    return expiresAt(form(supportRequestId));
  }

  @Transactional
  public void mailReminder(String supportRequestId) {
    RssvForm form = form(supportRequestId);
    SupportRequest request = requests.get(supportRequestId);
    if (gates.stream().anyMatch(g -> !g.allowsReminders(request.requesterEmail()))) {
      LOG.info("support request {}: RSSV reminder withheld, the requester's processing is restricted", supportRequestId);
      return;
    }
    RssvStore.Round round = forms.currentRound(form.id());
    outbox.deliverOnce("rssv-reminder:" + form.id() + ":" + round.number(), () -> {
      Instant expiresAt = expiresAt(form);
      String link = link(tokens.issue(TokenPurpose.RSSV_RETURN, form.id(), expiresAt));
      return templates.mail(supportRequestId, List.of(request.requesterEmail()),
          "Reminder: your RSSV form for case " + request.caseNumber() + " is still missing",
          "rssv-reminder", Map.of("name", request.requesterName(), "caseNumber", request.caseNumber(),
              "validUntil", Dates.format(expiresAt), "link", link, "statusLink", CaseStatusService.linkFor(caseStatus, supportRequestId)),
          List.of(MailAttachment.pdf("RSSV-" + request.caseNumber() + ".pdf", form.pdfFile())));
    });
  }

  /**
   * After a lifted restriction: the current round's reminder, if its time came while the case was on hold and the form is
   * still out (mailed, not returned, not expired). Mailed once per round (the outbox key), so a reminder that went out
   * already is not repeated. Returns whether the reminder was due now.
   */
  @Transactional
  public boolean sendWithheldReminder(String supportRequestId) {
    Optional<RssvForm> form = forms.formOfRequest(supportRequestId);
    if (form.isEmpty() || !"SENT".equals(form.get().status())) {
      return false;
    }
    Instant now = time.now();
    if (now.isBefore(deadlines.reminderAt(form.get())) || !now.isBefore(expiresAt(form.get()))) {
      return false;
    }
    mailReminder(supportRequestId);
    LOG.info("support request {}: the RSSV reminder withheld during the restriction is sent now it is lifted", supportRequestId);
    return true;
  }

  /** Closes a request whose form never came back: links revoked, requester told. */
  @Transactional
  public void expire(String supportRequestId) {
    RssvForm form = form(supportRequestId);
    SupportRequest request = requests.get(supportRequestId);
    outbox.deliverOnce("rssv-expired:" + supportRequestId, () -> templates.mail(supportRequestId, List.of(request.requesterEmail()),
        "Your remote support request " + request.caseNumber() + " has been closed",
        "rssv-expired", Map.of("name", request.requesterName(), "caseNumber", request.caseNumber(), "statusLink", CaseStatusService.linkFor(caseStatus, supportRequestId)),
        List.of()));
    tokens.revokeAll(form.id());
    forms.updateFormStatus(form.id(), "EXPIRED");
    requests.updateStatus(supportRequestId, SupportStatus.EXPIRED);
    LOG.info("support request {} expired without a signed RSSV", supportRequestId);
  }

  /**
   * The technician's decision on the latest returned copy, once: refused (CONFLICT, nothing stored) when the customer
   * has returned nothing (the message was correlated without a return) or when that copy was decided already (the task
   * reached again by moving a token, or a replayed submission); a new return is decided afresh.
   */
  @Transactional
  public void recordDecision(String supportRequestId, boolean accepted, String reason, String decidedBy) {
    RssvReturn latest = forms.latestReturn(supportRequestId).orElseThrow(() -> DomainException.conflict(
        "There is no returned RSSV form to decide on for case " + caseNumber(supportRequestId)
            + ": the customer has not returned the signed form (this task was reached without a return; an operator can cancel it in Cockpit)."));
    if (latest.decided() || !forms.decide(latest.id(), accepted, reason, decidedBy)) {
      String earlier = latest.decided() ? latest.decision() // else decided meanwhile, by a concurrent completion
          : forms.latestReturn(supportRequestId).map(RssvReturn::decision).orElse("decided");
      throw DomainException.conflict("The returned RSSV form of case " + caseNumber(supportRequestId) + " was already "
          + earlier.toLowerCase(java.util.Locale.ROOT) + "; a returned form is decided once, and only a new return from the customer can be decided again.");
    }
    forms.updateFormStatus(latest.rssvFormId(), accepted ? RssvReturn.ACCEPTED : RssvReturn.REJECTED);
    requests.updateStatus(supportRequestId, accepted ? SupportStatus.RSSV_RETURNED : SupportStatus.RSSV_REJECTED);
  }

  /**
   * What the technician who checks the case's returned RSSV must know before opening it, for the task's name (a short
   * marker) and description; none when the latest return is undecided and carries no active content. No personal data.
   */
  public Optional<CheckNotice> checkNotice(String supportRequestId) {
    RssvReturn latest = forms.latestReturn(supportRequestId).orElse(null);
    if (latest == null || latest.decided()) {
      return Optional.of(new CheckNotice("⚠ no returned form to check",
          "No new signed RSSV form has been returned for this case: this task was reached without a return and cannot be decided. "
              + "An operator can cancel it in Cockpit."));
    }
    List<PdfActiveContent> found = PdfActiveContent.parse(latest.contentWarning());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CheckNotice("⚠ PDF with active content",
        "Warning: the uploaded PDF contains " + PdfActiveContent.describe(found) + ". Open it only in a PDF viewer with JavaScript "
            + "turned off, not in the browser, and do not open files inside it. The customer may not know it has any: check the "
            + "form's content as usual."));
  }

  /** A notice on the check task: a marker for its name and a sentence for its description. */
  public record CheckNotice(String marker, String text) {}

  /** Mails the rejection reason with a new return link (the next round). */
  @Transactional
  public void mailRejection(String supportRequestId) {
    RssvForm form = form(supportRequestId);
    SupportRequest request = requests.get(supportRequestId);
    RssvReturn rejected = forms.latestReturn(supportRequestId).orElseThrow();
    outbox.deliverOnce("rssv-rejection:" + rejected.id(), () -> {
      String link = newRoundLink(form);
      return templates.mail(supportRequestId, List.of(request.requesterEmail()),
          "Your RSSV form for case " + request.caseNumber() + " needs another look",
          "rssv-rejection", Map.of("name", request.requesterName(), "caseNumber", request.caseNumber(),
              "reason", rejected.rejectionReason(), "validUntil", Dates.format(expiresAt(form)), "link", link, "statusLink", CaseStatusService.linkFor(caseStatus, supportRequestId)),
          List.of(MailAttachment.pdf("RSSV-" + request.caseNumber() + ".pdf", form.pdfFile())));
    });
    forms.updateFormStatus(form.id(), "SENT");
    requests.updateStatus(supportRequestId, SupportStatus.RSSV_PENDING);
  }

  private String newRoundLink(RssvForm form) {
    forms.startRound(form.id());
    return link(tokens.issue(TokenPurpose.RSSV_RETURN, form.id(), expiresAt(form)));
  }

  private Instant expiresAt(RssvForm form) {
    return deadlines.expiresAt(form);
  }

  private String caseNumber(String supportRequestId) {
    return requests.get(supportRequestId).caseNumber();
  }

  private RssvForm form(String supportRequestId) {
    return forms.formOfRequest(supportRequestId).orElseThrow(() -> new IllegalStateException("no RSSV form for " + supportRequestId));
  }

  private String link(String token) {
    return links.link("/portal/rssv/" + token);
  }

  private static String randomCode(int length) {
    char[] code = new char[length];
    for (int i = 0; i < length; i++) {
      code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
    }
    return new String(code);
  }
}
