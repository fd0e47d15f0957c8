package org.remoteservices.support.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.mail.MailTemplates;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.support.api.SurveyGate;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.application.port.SurveyStore;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.SupportStatus;
import org.remoteservices.support.domain.Survey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the post-session satisfaction survey. */
@Service
public class SurveyService {
  private final SupportRequestStore requests;
  private final SurveyStore surveys;
  private final JobDirectory jobs;
  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final AccessTokens tokens;
  private final RemoteSupportProcessPort process;
  private final RemoteSupportPolicy policy;
  private final PublicLinks links;
  private final TimeSource time;
  private final List<SurveyGate> gates;

  private CaseStatusService caseStatus;

  /** The status page's link line at the end of the mails (a setter, so the constructor stays as it was). */
  @org.springframework.beans.factory.annotation.Autowired
  void setCaseStatus(CaseStatusService caseStatus) {
    this.caseStatus = caseStatus;
  }

  public SurveyService(SupportRequestStore requests, SurveyStore surveys, JobDirectory jobs, MailOutbox outbox,
      AccessTokens tokens, RemoteSupportProcessPort process, RemoteSupportPolicy policy, PublicLinks links, TimeSource time,
      List<SurveyGate> gates, MailTemplates templates) {
    this.templates = templates;
    this.requests = requests;
    this.surveys = surveys;
    this.jobs = jobs;
    this.outbox = outbox;
    this.tokens = tokens;
    this.process = process;
    this.policy = policy;
    this.links = links;
    this.time = time;
    this.gates = gates;
  }

  /**
   * Mails the survey link, unless a gate forbids it. Returns whether a survey was sent (the process waits for
   * an answer only then).
   */
  @Transactional
  public boolean mailSurvey(String supportRequestId) {
    SupportRequest request = requests.get(supportRequestId);
    if (gates.stream().anyMatch(g -> !g.allowsSurvey(request.requesterEmail()))) {
      requests.updateStatus(supportRequestId, SupportStatus.COMPLETED);
      return false;
    }
    String surveyId = surveyIdOf(supportRequestId);
    String jobName = jobs.find(request.jobNumber()).orElseThrow().jobName();
    outbox.deliverOnce("survey:" + surveyId, () -> {
      // The survey row and the link token are committed together with the stored mail, in the outbox's own
      // transaction: a link that has been mailed always finds its survey, even while this step's transaction
      // is lost and retried (crash, conflict). Created in the step's transaction instead, a lost transaction
      // left the mailed link pointing at nothing (found by CrashRecoveryTest).
      Survey survey = surveys.find(surveyId).orElseGet(() -> {
        surveys.insert(surveyId, supportRequestId, "SENT", time.now().plus(policy.survey().expireAfter()));
        return surveys.find(surveyId).orElseThrow();
      });
      String link = links.link("/portal/survey/" + tokens.issue(TokenPurpose.SURVEY, survey.id(), survey.expiresAt()));
      return templates.mail(supportRequestId, List.of(request.requesterEmail()),
          "How did we do? Case " + request.caseNumber(),
          "survey", java.util.Map.of("name", request.requesterName(), "caseNumber", request.caseNumber(), "jobName", jobName,
              "link", link, "validUntil", Dates.format(survey.expiresAt()), "statusLink", CaseStatusService.linkFor(caseStatus, supportRequestId)),
          List.of());
    });
    requests.updateStatus(supportRequestId, SupportStatus.COMPLETED);
    return true;
  }

  /** One survey per request; its id is derived from the request's, so a rerun of the step finds it. */
  static String surveyIdOf(String supportRequestId) {
    return UUID.nameUUIDFromBytes(("survey:" + supportRequestId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  public Instant expiresAt(String supportRequestId) {
    return surveys.ofRequest(supportRequestId).orElseThrow().expiresAt();
  }

  public record SurveyView(String caseNumber, String jobName, Instant expiresAt) {}

  public SurveyView view(String token) {
    Survey survey = surveys.find(tokens.resolve(TokenPurpose.SURVEY, token)).orElseThrow(() -> DomainException.notFound("unknown link"));
    SupportRequest request = requests.get(survey.supportRequestId());
    return new SurveyView(request.caseNumber(), jobs.find(request.jobNumber()).orElseThrow().jobName(), survey.expiresAt());
  }

  /** The answer, once: the link is single-use and ends with the answer. */
  @Transactional
  public void answer(String token, int rating, String comment) {
    Survey survey = surveys.find(tokens.resolve(TokenPurpose.SURVEY, token)).orElseThrow(() -> DomainException.notFound("unknown link"));
    tokens.markUsed(TokenPurpose.SURVEY, token);
    if (surveys.answer(survey.id(), rating, comment) != 1) {
      throw DomainException.gone("this survey is closed");
    }
    if (!process.surveyAnswered(survey.supportRequestId())) {
      // not waiting for the answer: either the survey step is still finishing (its transaction is being retried
      // after a crash; the mail with this link went out already), then nothing is stored and the link stays valid,
      // or the lifecycle is over
      throw process.isRunning(survey.supportRequestId())
          ? DomainException.conflict("we cannot take your answer just this moment; please try again in a few minutes")
          : DomainException.gone("this survey is closed");
    }
  }

  @Transactional
  public void close(String supportRequestId) {
    surveys.ofRequest(supportRequestId).ifPresent(s -> {
      surveys.close(s.id());
      tokens.revokeAll(s.id());
    });
  }
}
