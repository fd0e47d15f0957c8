package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.adapter.db.JobRepository;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.remoteservices.privacy.application.VerificationService;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.support.application.SupportRequestService;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.Mails.Mail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drives privacy requests the way requesters and privacy officers do, on top of remote-support histories. */
public abstract class PrivacyTestSupport extends IntegrationTest {
  @Autowired protected Lifecycle lifecycle;
  @Autowired protected IdentityService identity;
  @Autowired protected JobRepository jobs;
  @Autowired protected SupportRequestService supportRequests;
  @Autowired protected PrivacyRequestService privacyRequests;
  @Autowired protected VerificationService verification;
  @Autowired protected org.remoteservices.privacy.application.EvidenceIntakeService evidence;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected FormService forms;
  @Autowired protected JdbcClient jdbc;

  /** A subject with distinctive data: a support request for a job of their own. */
  protected record Subject(String name, String email, String phone, Job job, String supportRequestId) {}

  protected Subject subject(String name) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Job job = new Job("J-" + suffix, "Site " + suffix, suffix + " Lantern Row, Brightwater",
        new Job.Contact("Sid Site " + suffix, "site-" + suffix + "@example.com", "+1 555 0101"),
        new Job.Contact("Sue Schedule " + suffix, "sched-" + suffix + "@example.com", "+1 555 0102"), LocalDate.of(2034, 1, 1));
    jobs.insert(job);
    String email = "subject-" + suffix + "@example.org";
    String phone = "+1 555 " + suffix.replaceAll("\\D", "7").substring(0, 3) + " " + suffix.replaceAll("\\D", "3").substring(4, 8);
    String id = supportRequests.submit(name, phone, email, job.jobNumber()).id();
    runDueJobs();
    return new Subject(name, email, phone, job, id);
  }

  protected String request(List<PrivacyRight> rights, String name, String email, String phone, String jobNumber, Jurisdiction jurisdiction) {
    return request(rights, name, email, phone, jobNumber, jurisdiction, null, null);
  }

  protected String request(List<PrivacyRight> rights, String name, String email, String phone, String jobNumber, Jurisdiction jurisdiction,
      String agentName, String agentEmail) {
    String id = privacyRequests.receive(new PrivacyRequestService.Intake("PORTAL", rights, name, email, phone, jobNumber, null, jurisdiction,
        null, false, agentName, agentEmail)).id();
    started.put(id, runtime.createProcessInstanceQuery().processDefinitionKey(PrivacyProcess.KEY).processInstanceBusinessKey(id).singleResult());
    runDueJobs();
    return id;
  }

  private final Map<String, ProcessInstance> started = new HashMap<>();

  /** The request's instance (as started, so camunda-bpm-assert can also look at it once it has ended). */
  protected ProcessInstance instance(String privacyRequestId) {
    return started.computeIfAbsent(privacyRequestId, id ->
        runtime.createProcessInstanceQuery().processDefinitionKey(PrivacyProcess.KEY).processInstanceBusinessKey(id).singleResult());
  }

  protected org.camunda.bpm.engine.history.HistoricProcessInstance finished(String privacyRequestId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PrivacyProcess.KEY)
        .processInstanceBusinessKey(privacyRequestId).singleResult();
  }

  protected Task task(String privacyRequestId, String taskDefinitionKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(privacyRequestId).taskDefinitionKey(taskDefinitionKey).list();
    assertThat(open).as("open " + taskDefinitionKey + " of " + privacyRequestId).hasSize(1);
    return open.get(0);
  }

  protected void complete(String privacyRequestId, String taskDefinitionKey, Map<String, Object> fields) {
    forms.submitTaskForm(task(privacyRequestId, taskDefinitionKey).getId(), new HashMap<>(fields));
    runDueJobs();
  }

  protected List<Mail> mails() {
    return Mails.read(MAIL.getReceivedMessages());
  }

  protected Mail mail(String subjectPart) {
    return mails().stream().filter(m -> m.subject().contains(subjectPart)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no mail '" + subjectPart + "' in " + mails().stream().map(Mail::subject).toList()));
  }

  protected List<Mail> mailsTo(String address) {
    return mails().stream().filter(m -> m.to().contains(address)).toList();
  }

  protected String status(String privacyRequestId) {
    return jdbc.sql("select status from privacy_request where id = ?").param(privacyRequestId).query(String.class).single();
  }

  protected String outcome(String privacyRequestId, PrivacyRight right) {
    return jdbc.sql("select status || ': ' || outcome from privacy_request_right where privacy_request_id = ? and right_type = ?")
        .params(privacyRequestId, right.name()).query(String.class).single();
  }

  /** Takes a remote-support case through to the survey (signed RSSV, session, work order sent). */
  protected void throughWorkOrder(Subject s) {
    lifecycle.toSurvey(s.supportRequestId(), s.name());
  }

  /** The person follows the confirmation link in the latest mail to their address on record (the possession factor). */
  protected void confirmAtRecord(String addressOnRecord) {
    runDueJobs(); // a person clicks once the request has taken in what they sent before (a quicker click gets 409: PrivacyRequestProcessTest)
    evidence.confirmPossession(mailToken(addressOnRecord, "/portal/privacy/identity/"));
    runDueJobs();
  }

  /** A request as the person makes it from the address we hold, confirmed there: the usual verified request. */
  protected String confirmedRequest(List<PrivacyRight> rights, Subject s, String jobNumber, Jurisdiction jurisdiction) {
    String id = request(rights, s.name(), s.email(), s.phone(), jobNumber, jurisdiction);
    confirmAtRecord(s.email());
    return id;
  }

  @Autowired protected org.remoteservices.privacy.application.DownloadService downloads;

  /** Downloads what the latest download link to the address offers, with the code from the separate mail. */
  protected org.remoteservices.privacy.application.DownloadService.File download(String address) {
    String code = mailsTo(address).stream().filter(m -> m.body().contains(org.remoteservices.shared.mail.MailRedaction.CODE_PREFIX))
        .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no code mail to the address")).body()
        .replaceAll("(?s).*" + java.util.regex.Pattern.quote(org.remoteservices.shared.mail.MailRedaction.CODE_PREFIX) + "(\\S+).*", "$1");
    return downloads.download(mailToken(address, "/portal/privacy/download/"), code);
  }

  protected String mailToken(String to, String pathPrefix) {
    return mailsTo(to).stream().filter(m -> m.body().contains(pathPrefix)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no mail to " + to + " with a link " + pathPrefix)).linkToken(pathPrefix);
  }

  /** A staff account in {@code group} whose password is {@code "pw-" + id}. */
  protected String user(String group) {
    String id = group.replaceAll("[^a-z]", "") + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    User user = identity.newUser(id);
    user.setPassword("pw-" + id);
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }

  protected static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
