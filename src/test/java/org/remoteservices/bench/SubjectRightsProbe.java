package org.remoteservices.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.remoteservices.privacy.application.DownloadService;
import org.remoteservices.privacy.application.EvidenceIntakeService;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.lookup.LookupKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The privacy operations the scale benchmark times, driven as their users drive them: the subject asks through the
 * portal's use case, proves who they are, a privacy officer decides, and the application's jobs do the rest. What is
 * timed is the application's part, the human waits excluded:
 *
 * <ul>
 *   <li>access: from the subject's confirmation at the address on record (the link mailed there; the request is then
 *       verified) to the answer delivered, the access report offered for download (link and code) and downloaded;
 *   <li>erasure: from the officer's retention decision (nothing kept) to the answer with the erasure certificate
 *       delivered: the inventory, the recipients' notices, the five parallel erasure steps (our tables, files, mails on
 *       record, flags, the engine's runtime and history), the tombstone, the final mail and the erasure of the request's
 *       own contact data. Afterwards the subject must be gone from the tables that held them.
 * </ul>
 */
final class SubjectRightsProbe {
  private static final long TIMEOUT_MS = 120_000;
  private final MailSink mail;

  SubjectRightsProbe(MailSink mail) {
    this.mail = mail;
  }

  record Subject(String name, String email, String phone, String jobNumber, String jobLocation) {}

  static Subject subject(AppUnderTest app, String email) {
    return JdbcClient.create(app.dataSource()).sql("""
            select s.requester_name, s.requester_email, s.requester_phone, s.job_number, j.location_address
            from support_request s join job j on j.job_number = s.job_number where s.requester_email_key = ?""")
        .param(LookupKeys.email(email))
        .query((rs, n) -> new Subject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).single();
  }

  /** Access: returns the milliseconds from the request to the answer delivered, and what the answer carried. */
  Timed access(AppUnderTest app, String email) throws Exception {
    Subject s = subject(app, email);
    mail.expect(s.email());
    String id = app.bean(PrivacyRequestService.class).receive(new PrivacyRequestService.Intake("PORTAL", List.of(PrivacyRight.ACCESS), s.name(),
        s.email(), null, null, null, Jurisdiction.EU, "Benchmark: a copy of my data, please.", false, null, null)).id();
    String confirm = mail.await(s.email(), "Please confirm", TIMEOUT_MS).linkToken("/portal/privacy/identity/");
    // confirmed the moment the mail arrives (the mail leaves after its step committed)
    long t0 = System.nanoTime();
    app.bean(EvidenceIntakeService.class).confirmPossession(confirm);
    String code = mail.await(s.email(), "Your download code", TIMEOUT_MS).text().replaceAll("(?s).*Your code: (\\S+).*", "$1");
    String link = mail.await(s.email(), "ready to download", TIMEOUT_MS).linkToken("/portal/privacy/download/");
    mail.await(s.email(), "Your privacy request has been answered", TIMEOUT_MS);
    awaitEnd(app, id);
    byte[] report = app.bean(DownloadService.class).download(link, code).content();
    double ms = (System.nanoTime() - t0) / 1e6;
    return new Timed(ms, String.format(Locale.ROOT, "report of %d kB downloaded", report.length / 1024));
  }

  /** Erasure: returns the milliseconds from the officer's decision to the answer delivered, and what was erased. */
  Timed erase(AppUnderTest app, String email) throws Exception {
    Subject s = subject(app, email);
    JdbcClient jdbc = JdbcClient.create(app.dataSource());
    mail.expect(s.email());
    // heightened verification: all the data points, and a signed declaration through the mailed link
    String id = app.bean(PrivacyRequestService.class).receive(new PrivacyRequestService.Intake("PORTAL", List.of(PrivacyRight.ERASURE), s.name(),
        s.email(), s.phone(), s.jobNumber(), s.jobLocation(), Jurisdiction.EU, "Benchmark: erase me.", false, null, null)).id();
    MailSink.Delivered atRecord = mail.await(s.email(), "Please confirm", TIMEOUT_MS);
    // the subject answers the moment the mail arrives (it leaves after its step committed)
    retryWhileBusy(() -> app.bean(EvidenceIntakeService.class).signDeclaration(atRecord.linkToken("/portal/privacy/declaration/"), s.name(), true));
    // the second click may come while the request still checks the first piece: it answers 409, the person retries
    retryWhileBusy(() -> app.bean(EvidenceIntakeService.class).confirmPossession(atRecord.linkToken("/portal/privacy/identity/")));
    Task review = awaitTask(app, id, PrivacyProcess.RightElements.REVIEW_RETENTION);

    long t0 = System.nanoTime();
    Map<String, Object> decision = new HashMap<>();
    decision.put("input_retain", SpinValues.jsonValue("[]").create());
    app.bean(FormService.class).submitTaskForm(review.getId(), decision);
    mail.await(s.email(), "Your privacy request has been answered", TIMEOUT_MS);
    awaitEnd(app, id);
    double ms = (System.nanoTime() - t0) / 1e6;

    int left = jdbc.sql("select count(*) from support_request where requester_email_key = ?").param(LookupKeys.email(s.email()))
        .query(Integer.class).single()
        + jdbc.sql("select count(*) from mail_recipient where email_key = ?").param(LookupKeys.email(s.email())).query(Integer.class).single();
    if (left != 0) {
      throw new IllegalStateException("erasure left " + left + " rows about the subject");
    }
    Map<String, Integer> erased = jdbc.sql("select store, count(*) from privacy_erasure_item where privacy_request_id = ? group by store order by store")
        .param(id).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    return new Timed(ms, "erased " + erased.entrySet().stream().map(e -> e.getKey().toLowerCase(Locale.ROOT) + " " + e.getValue())
        .collect(Collectors.joining(", ")));
  }

  record Timed(double millis, String what) {}

  private static void retryWhileBusy(Runnable click) throws InterruptedException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (true) {
      try {
        click.run();
        return;
      } catch (DomainException e) {
        if (e.kind() != DomainException.Kind.CONFLICT || System.currentTimeMillis() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private static Task awaitTask(AppUnderTest app, String businessKey, String taskKey) throws InterruptedException {
    TaskService tasks = app.bean(TaskService.class);
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).list();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no task " + taskKey + " for privacy request " + businessKey);
  }

  /** Until the request is COMPLETED and no instance about it runs any more. */
  private static void awaitEnd(AppUnderTest app, String id) throws InterruptedException {
    RuntimeService runtime = app.bean(RuntimeService.class);
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if ("COMPLETED".equals(statusOf(app, id)) && runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count() == 0) {
        return;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("privacy request " + id + " did not end: " + statusOf(app, id));
  }

  private static String statusOf(AppUnderTest app, String id) {
    return JdbcClient.create(app.dataSource()).sql("select status from privacy_request where id = ?").param(id).query(String.class).single();
  }
}
