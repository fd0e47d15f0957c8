package org.remoteservices.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox after commit: a mail leaves only once its step's transaction has completed; what could not leave (SMTP
 * down) the sweeper delivers later with a growing delay, once; a mail that keeps failing shows in the
 * {@code mailDelivery} health and the gauges; the record keeps the body once, redacted, and each attachment's SHA-256.
 */
class MailDeliveryTest extends IntegrationTest {
  private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde"; // 43 characters, as a link token

  @Autowired MailOutbox outbox;
  @Autowired MailDeliveryHealthIndicator health;
  @Autowired MeterRegistry meters;
  @Autowired JdbcClient jdbc;
  @Autowired FileStore files;
  @Autowired PlatformTransactionManager transactions;
  @Autowired org.springframework.boot.actuate.health.HealthEndpoint healthEndpoint;

  private final List<String> written = new ArrayList<>();

  @AfterEach
  void smtpBackUpAndFilesGone() {
    TestMailServer.restart();
    written.forEach(files::deleteWithEmptyFolders);
  }

  @Test
  void theMailLeavesWhenTheStepsTransactionCommits_notBefore() {
    String key = "test-commit:" + UUID.randomUUID();
    String to = "commit-" + UUID.randomUUID() + "@example.org";
    List<Integer> seenInsideTheStep = new ArrayList<>();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      outbox.deliverOnce(key, () -> mail(to, "Before and after", "Nothing secret here.", List.of()));
      seenInsideTheStep.add(inbox(to).size());
    });
    assertThat(seenInsideTheStep).containsExactly(0);
    assertThat(inbox(to)).containsExactly("Before and after");
    assertThat(outbox.wasSent(key)).isTrue();
    outbox.deliverOnce(key, () -> mail(to, "Never composed", "", List.of()));
    assertThat(inbox(to)).hasSize(1);
  }

  @Test
  void theMailIsStoredInTheStepsOwnTransaction_nobodyElseSeesItBeforeTheCommit() {
    String key = "test-own-transaction:" + UUID.randomUUID();
    String to = "own-" + UUID.randomUUID() + "@example.org";
    TransactionTemplate another = new TransactionTemplate(transactions);
    another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    List<Integer> insideTheStep = new ArrayList<>();
    List<Integer> outsideTheStep = new ArrayList<>();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      outbox.deliverOnce(key, () -> mail(to, "One transaction", "Stored with the step.", List.of()));
      insideTheStep.add(rows(key));
      outsideTheStep.add(another.execute(other -> rows(key)));
    });
    assertThat(insideTheStep).containsExactly(1);
    assertThat(outsideTheStep).as("not committed on its own: it commits with the step").containsExactly(0);
    assertThat(inbox(to)).containsExactly("One transaction");
    assertThat(column(key, "status")).isEqualTo("SENT");
  }

  @Test
  void whatAMailSaysIsStoredOnceRedacted_deliveringItUpdatesOnlyItsStatusRow() {
    String key = "test-content:" + UUID.randomUUID();
    String to = "content-" + UUID.randomUUID() + "@example.org";
    String link = "http://portal.test/portal/survey/" + TOKEN;
    String unsubscribe = "<http://portal.test/api/unsubscribe/" + TOKEN + ">";
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    TestMailServer.stop();
    assertThatThrownBy(() -> outbox.deliverOnce(key, () -> new OutgoingMail(null, List.of(to), "Content once", "Open " + link + " please.",
        List.of(), "<p><a href=\"" + link + "\">Open</a></p>", java.util.Map.of("List-Unsubscribe", unsubscribe))))
        .isInstanceOf(MailOutbox.MailDeliveryException.class);
    java.util.Map<String, Object> stored = contentRow(key);
    assertThat(stored.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(TOKEN).contains(MailRedaction.REMOVED));
    assertThat(column(key, "secrets")).contains(TOKEN);

    TestMailServer.restart();
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(5))));
    assertThat(outbox.deliverDue()).isEqualTo(1);
    Mails.Mail delivered = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(to)).findFirst().orElseThrow();
    assertThat(delivered.body()).contains(link);
    assertThat(column(key, "status")).isEqualTo("SENT");
    assertThat(column(key, "secrets")).isNull();
    assertThat(contentRow(key)).as("written once, when it was stored").isEqualTo(stored);
  }

  @Test
  void aMailPendingSinceBeforeV18_isSentAsComposed_thenItsHtmlAndHeadersAreRedactedToo() {
    // as V18 leaves a mail that was pending when it ran: the body redacted with its tokens beside it (one per line, no
    // count line), the HTML part and headers still holding theirs
    String id = UUID.randomUUID().toString();
    String key = "test-legacy:" + id;
    String to = "legacy-" + UUID.randomUUID() + "@example.org";
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    jdbc.sql("""
            insert into mail_record (id, idempotency_key, recipients, subject, secrets, status, created_at, attempts, next_attempt_at)
            values (?, ?, ?, 'Legacy', ?, 'PENDING', ?, 0, ?)""")
        .params(id, key, to, TOKEN, java.sql.Timestamp.from(start), java.sql.Timestamp.from(start)).update();
    jdbc.sql("insert into mail_content (mail_record_id, body, html_body, headers) values (?, ?, ?, ?)")
        .params(id, "Open http://portal.test/portal/survey/" + MailRedaction.REMOVED + " please.",
            "<a href=\"http://portal.test/portal/survey/" + TOKEN + "\">Open</a>",
            "List-Unsubscribe: <http://portal.test/api/unsubscribe/" + TOKEN + ">\n").update();

    assertThat(outbox.deliverDue()).isEqualTo(1);
    Mails.Mail delivered = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(to)).findFirst().orElseThrow();
    assertThat(delivered.body()).contains("/portal/survey/" + TOKEN);
    assertThat(contentRow(key).values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(TOKEN));
    assertThat(column(key, "status")).isEqualTo("SENT");
  }

  @Test
  void aStepRolledBackAfterComposingItsMail_hasItComposedAgainAndSentOnce_theRerunSendsNothing() {
    String key = "test-rolled-back:" + UUID.randomUUID();
    String to = "rolled-" + UUID.randomUUID() + "@example.org";
    AtomicInteger composed = new AtomicInteger();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      outbox.deliverOnce(key, () -> {
        composed.incrementAndGet();
        return mail(to, "Composed twice, sent once", "Plain text.", List.of());
      });
      status.setRollbackOnly(); // the step fails after its mail, or its commit is lost
    });
    assertThat(composed).as("once in the step, once on its own after the rollback").hasValue(2);
    assertThat(inbox(to)).containsExactly("Composed twice, sent once");
    assertThat(rows(key)).isOne();
    new TransactionTemplate(transactions).executeWithoutResult(status ->
        outbox.deliverOnce(key, () -> mail(to, "Never composed", "", List.of())));
    assertThat(inbox(to)).hasSize(1);
    assertThat(composed).hasValue(2);
  }

  @Test
  void aMailThatCannotBeComposedAgainAfterTheRollback_isLeftToTheRerun() {
    String key = "test-not-again:" + UUID.randomUUID();
    String to = "again-" + UUID.randomUUID() + "@example.org";
    AtomicInteger composed = new AtomicInteger();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      outbox.deliverOnce(key, () -> {
        if (composed.incrementAndGet() > 1) {
          throw new IllegalStateException("what the step wrote is gone");
        }
        return mail(to, "Needs the step", "Plain text.", List.of());
      });
      status.setRollbackOnly();
    });
    assertThat(inbox(to)).isEmpty();
    assertThat(rows(key)).isZero();
    new TransactionTemplate(transactions).executeWithoutResult(status ->
        outbox.deliverOnce(key, () -> mail(to, "Needs the step", "Plain text.", List.of())));
    assertThat(inbox(to)).containsExactly("Needs the step");
  }

  @Test
  void aMailToTwoPeopleCutOffAfterTheFirst_theRestLeavesLater_theFirstIsNotMailedAgain() {
    String key = "test-two:" + UUID.randomUUID();
    String first = "first-" + UUID.randomUUID() + "@example.org";
    String second = "second-" + UUID.randomUUID() + "@example.org";
    MessageDeliveryHandler original = MAIL.getUserManager().getMessageDeliveryHandler();
    AtomicBoolean refuseSecond = new AtomicBoolean(true);
    MAIL.getUserManager().setMessageDeliveryHandler((message, address) -> {
      if (refuseSecond.get() && address.getEmail().equals(second)) {
        throw new jakarta.mail.MessagingException("mailbox unavailable");
      }
      return original.handle(message, address);
    });
    try {
      Instant start = Instant.parse("2026-12-01T10:00:00Z");
      ClockUtil.setCurrentTime(Date.from(start));
      new TransactionTemplate(transactions).executeWithoutResult(status ->
          outbox.deliverOnce(key, () -> new OutgoingMail(null, List.of(first, second), "To two", "Plain text.", List.of())));
      assertThat(inbox(first)).containsExactly("To two");
      assertThat(inbox(second)).isEmpty();
      assertThat(column(key, "status")).isEqualTo("PENDING");
      assertThat(column(key, "recipients_sent")).isEqualTo("1");

      refuseSecond.set(false);
      ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(10))));
      assertThat(outbox.deliverDue()).isEqualTo(1);
      assertThat(inbox(second)).containsExactly("To two");
      assertThat(inbox(first)).as("not mailed again").hasSize(1);
      assertThat(column(key, "status")).isEqualTo("SENT");
    } finally {
      MAIL.getUserManager().setMessageDeliveryHandler(original);
    }
  }

  /** A column of the mail's content on record (written once, never updated). */
  private String content(String key, String column) {
    return jdbc.sql("select c." + column + " from mail_content c join mail_record r on r.id = c.mail_record_id where r.idempotency_key = ?")
        .param(key).query(String.class).single();
  }

  private java.util.Map<String, Object> contentRow(String key) {
    return jdbc.sql("select c.body, c.html_body, c.headers from mail_content c join mail_record r on r.id = c.mail_record_id "
        + "where r.idempotency_key = ?").param(key).query().singleRow();
  }

  private int rows(String key) {
    return jdbc.sql("select count(*) from mail_record where idempotency_key = ?").param(key).query(Integer.class).single();
  }

  @Test
  void smtpDown_theSweeperRetriesWithGrowingDelays_raisesTheAlarm_thenDeliversOnce() {
    String key = "test-sweep:" + UUID.randomUUID();
    String to = "sweep-" + UUID.randomUUID() + "@example.org";
    byte[] pdf = "a test attachment".getBytes(StandardCharsets.UTF_8);
    String fileKey = "mail-test/" + UUID.randomUUID() + "/note.txt"; // not .pdf: other tests read every PDF in the store
    files.write(fileKey, pdf);
    written.add(fileKey);
    double failuresBefore = meters.get("rso.mail.failures").counter().count();
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));

    TestMailServer.stop();
    assertThatThrownBy(() -> outbox.deliverOnce(key, () -> mail(to, "Your link", "Open http://portal.test/portal/survey/" + TOKEN
        + " please.\n" + MailRedaction.CODE_PREFIX + "7Q4-XK2\n", List.of(new MailAttachment("note.txt", "text/plain", fileKey)))))
        .isInstanceOf(MailOutbox.MailDeliveryException.class).hasMessageContaining("could not be delivered").hasMessageNotContaining(to);

    // on record from the start: the body once, already redacted; the token and code only until delivery
    assertThat(content(key, "body")).doesNotContain(TOKEN, "7Q4-XK2").contains(MailRedaction.REMOVED);
    assertThat(column(key, "secrets")).contains(TOKEN, "7Q4-XK2");
    assertThat(jdbc.sql("select sha256 from mail_attachment a join mail_record m on m.id = a.mail_record_id where m.idempotency_key = ?")
        .param(key).query(String.class).single()).isEqualTo(FileStore.sha256(pdf));

    // the sweeper waits 30 s, 1, 2, 4 min between attempts
    List<Long> delays = new ArrayList<>();
    for (int attempt = 2; attempt <= 5; attempt++) {
      Instant next = jdbc.sql("select next_attempt_at from mail_record where idempotency_key = ?").param(key)
          .query(java.sql.Timestamp.class).single().toInstant();
      delays.add(Duration.between(ClockUtil.getCurrentTime().toInstant(), next).toSeconds());
      ClockUtil.setCurrentTime(Date.from(next.minusSeconds(1)));
      assertThat(outbox.deliverDue()).isZero();
      assertThat(attempts(key)).as("not due yet").isEqualTo(attempt - 1);
      ClockUtil.setCurrentTime(Date.from(next));
      assertThat(outbox.deliverDue()).isZero();
      assertThat(attempts(key)).isEqualTo(attempt);
    }
    assertThat(delays).containsExactly(30L, 60L, 120L, 240L);

    // five failed attempts: operators see it
    assertThat(health.health().getStatus()).isEqualTo(new Status(MailDeliveryHealthIndicator.DEGRADED));
    assertThat(health.health().getDetails()).containsEntry("failing", 1L);
    assertThat(healthEndpoint.healthForPath("mailDelivery").getStatus().getCode()).as("what a monitor reads")
        .isEqualTo(MailDeliveryHealthIndicator.DEGRADED);
    assertThat(meters.get("rso.mail.failing").gauge().value()).isEqualTo(1.0);
    assertThat(meters.get("rso.mail.backlog").gauge().value()).isGreaterThanOrEqualTo(1.0);
    assertThat(meters.get("rso.mail.failures").counter().count() - failuresBefore).isEqualTo(5.0);

    // the server is back: the next sweep delivers it, as composed, once
    TestMailServer.restart();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(8))));
    assertThat(outbox.deliverDue()).isEqualTo(1);
    assertThat(outbox.deliverDue()).isZero();
    Mails.Mail delivered = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(to)).findFirst().orElseThrow();
    assertThat(delivered.body()).contains("/portal/survey/" + TOKEN, MailRedaction.CODE_PREFIX + "7Q4-XK2");
    assertThat(delivered.attachment("note.txt").content()).isEqualTo(pdf);
    assertThat(inbox(to)).hasSize(1);
    assertThat(column(key, "status")).isEqualTo("SENT");
    assertThat(column(key, "secrets")).isNull();
    assertThat(content(key, "body")).doesNotContain(TOKEN, "7Q4-XK2");
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(meters.get("rso.mail.failing").gauge().value()).isZero();

    // a rerun of the step sends nothing more
    outbox.deliverOnce(key, () -> mail(to, "Never composed", "", List.of()));
    assertThat(inbox(to)).hasSize(1);
  }

  @Test
  void theServerBackAfterAnOutage_theWaitingMailsLeaveOnTheNextSweep_notAfterTheirRetryDelays() {
    String first = "test-back-1:" + UUID.randomUUID();
    String second = "test-back-2:" + UUID.randomUUID();
    String to = "back-" + UUID.randomUUID() + "@example.org";
    Instant start = Instant.parse("2026-12-01T11:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));

    TestMailServer.stop();
    for (String key : List.of(first, second)) {
      assertThatThrownBy(() -> outbox.deliverOnce(key, () -> mail(to, key.substring(0, 11), "Hello", List.of())))
          .isInstanceOf(MailOutbox.MailDeliveryException.class);
    }
    // the first one's delay has passed, the second's has not: the sweep tries the first, which fails again and doubles
    // its delay; the second keeps its attempt count (a sweep with nothing due only asks the server, and records nothing)
    jdbc.sql("update mail_record set next_attempt_at = ? where idempotency_key = ?").params(java.sql.Timestamp.from(start), first).update();
    assertThat(outbox.deliverDue()).isZero();
    assertThat(attempts(first)).isEqualTo(2);
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(10)));
    assertThat(outbox.deliverDue()).as("nothing due, the server still down").isZero();
    assertThat(attempts(first)).isEqualTo(2);
    assertThat(attempts(second)).isEqualTo(1);
    assertThat(inbox(to)).isEmpty();

    // the server is back 15 s later; the two would wait until 11:01:00 and 11:00:30, but leave on the next sweep
    TestMailServer.restart();
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(15)));
    assertThat(outbox.deliverDue()).isEqualTo(2);
    assertThat(inbox(to)).containsExactlyInAnyOrder("test-back-1", "test-back-2");
    assertThat(column(first, "status")).isEqualTo("SENT");
    assertThat(column(second, "status")).isEqualTo("SENT");
    assertThat(outbox.deliverDue()).isZero();
    assertThat(inbox(to)).hasSize(2);
  }

  @Test
  void aMailRefusedWhileTheServerTakesConnections_keepsItsGrowingDelay() {
    String key = "test-refused:" + UUID.randomUUID();
    Instant start = Instant.parse("2026-12-01T12:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    outbox.deliverDue(); // the server is up: a sweep finds it answering (another test may have left it marked down)

    // connected, and then the message fails (a recipient the mail library refuses): the server is not down
    outbox.deliverOnce(key, () -> mail("not an address", "Refused", "Hello", List.of()));
    assertThat(column(key, "status")).isEqualTo("PENDING");
    assertThat(attempts(key)).isEqualTo(1);
    assertThat(nextAttempt(key)).isEqualTo(start.plusSeconds(30));

    try {
      ClockUtil.setCurrentTime(Date.from(start.plusSeconds(10)));
      assertThat(outbox.deliverDue()).isZero();
      assertThat(attempts(key)).as("not tried again before its delay has passed").isEqualTo(1);
      assertThat(nextAttempt(key)).isEqualTo(start.plusSeconds(30));
    } finally {
      // a mail that can never leave: off the record, or later tests' sweeps hand it to a mail-delivery process
      String id = jdbc.sql("select id from mail_record where idempotency_key = ?").param(key).query(String.class).single();
      for (String table : List.of("mail_recipient", "mail_attachment", "mail_content")) {
        jdbc.sql("delete from " + table + " where mail_record_id = ?").param(id).update();
      }
      jdbc.sql("delete from mail_record where id = ?").param(id).update();
    }
  }

  @Test
  void aDeliveryThatDiedMidSend_isLeftAloneWhileItHoldsTheMail_thenTheSweeperSendsIt() {
    String key = "test-held:" + UUID.randomUUID();
    String to = "held-" + UUID.randomUUID() + "@example.org";
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    TestMailServer.stop();
    assertThatThrownBy(() -> outbox.deliverOnce(key, () -> mail(to, "Held", "Plain text.", List.of())))
        .isInstanceOf(MailOutbox.MailDeliveryException.class);
    TestMailServer.restart();
    // as if a node had taken it for delivery and died: due, but held for another 40 s
    jdbc.sql("update mail_record set next_attempt_at = ?, delivering_until = ? where idempotency_key = ?")
        .params(java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.plusSeconds(40)), key).update();
    assertThat(outbox.deliverDue()).isZero();
    // a rerun of the step leaves it to its holder too
    outbox.deliverOnce(key, () -> mail(to, "Never composed", "", List.of()));
    assertThat(inbox(to)).isEmpty();
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(41)));
    assertThat(outbox.deliverDue()).isEqualTo(1);
    assertThat(inbox(to)).containsExactly("Held");
  }

  private static OutgoingMail mail(String to, String subject, String body, List<MailAttachment> attachments) {
    return new OutgoingMail(null, List.of(to), subject, body, attachments);
  }

  private String column(String key, String column) {
    return jdbc.sql("select " + column + " from mail_record where idempotency_key = ?").param(key).query(String.class).list().get(0);
  }

  private Instant nextAttempt(String key) {
    return jdbc.sql("select next_attempt_at from mail_record where idempotency_key = ?").param(key).query(java.sql.Timestamp.class)
        .single().toInstant();
  }

  private int attempts(String key) {
    return jdbc.sql("select attempts from mail_record where idempotency_key = ?").param(key).query(Integer.class).single();
  }

  private static List<String> inbox(String address) {
    return Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(address)).map(Mails.Mail::subject).toList();
  }
}
