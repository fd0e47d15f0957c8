package org.remoteservices.shared.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.lookup.LookupKeys;
import org.remoteservices.shared.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each mail exactly once per idempotency key, after the step that sends it has committed, and keeps the
 * record of what was sent.
 *
 * <p>Mail steps run in their own job (async continuation), and a job may run more than once. {@link #deliverOnce}
 * stores the composed mail under its key in the step's own transaction, with any link tokens or rows the composer
 * creates, connects to the SMTP server (unreachable: the step fails and is retried on its cycle, then becomes an
 * incident) and leaves the sending to the moment that transaction has committed: the mail goes out on that
 * connection once the instance waits for the answer and the step's rows are there, so a link followed the moment the
 * mail arrives works. The mails of one transaction leave on one connection, in the order they were composed (a
 * download code before its link). Delivered, the row is marked sent in a transaction of its own. A step whose
 * transaction is rolled back after composing a mail gets it composed again and stored on its own (see
 * {@link #afterCompletion()}): its rerun then finds it.
 *
 * <p>The sweeper ({@link #deliverDue}) leaves a fresh mail to its step for {@code rso.mail.delivery.lease}; what is
 * still undelivered after that (a crash between commit and send, an SMTP failure after commit) it sends, with a
 * growing delay between attempts. A rerun of the step and the sweeper hold a mail while they deliver it
 * ({@code delivering_until}), so neither takes one the other is sending. Mails that keep failing are counted where operators look: the {@code mailDelivery}
 * health indicator and the gauges {@code rso.mail.backlog} and {@code rso.mail.failing} (counter
 * {@code rso.mail.failures}). A rerun of the step finds the row: a sent mail is not sent again, a pending one is
 * delivered by whoever holds it. Only a crash between the SMTP server's "accepted" and the commit of "sent" can
 * double a mail; that window is milliseconds wide.
 *
 * <p>On record the body, HTML part and headers are stored once, already redacted ({@link MailRedaction}), in
 * {@code mail_content}, which is never updated; the link tokens and codes stay in the narrow {@code mail_record} row
 * ({@code secrets}) only until delivery, and delivering a mail updates only that row. Attachments are file-store
 * references with the SHA-256 of the bytes sent.
 */
@Component
public class MailOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
  private static final String SECRET_SEPARATOR = "\n";

  static {
    StreamProviderPin.pin();
  }

  private final JdbcClient jdbc;
  private final JavaMailSender sender;
  private final FileStore files;
  private final TimeSource time;
  private final TransactionTemplate ownTransaction;
  private final String from;
  private final Duration lease;
  private final Duration firstRetryDelay;
  private final Duration maxRetryDelay;
  private final int alertAfterAttempts;
  private final boolean sweepEnabled;
  private final ExecutorService deliveries;
  private final int smtpPoolSize;
  private final Duration smtpPoolIdle;
  /** Open SMTP connections not in use, newest first (see {@link #connect}). */
  private final java.util.concurrent.LinkedBlockingDeque<IdleConnection> idleConnections = new java.util.concurrent.LinkedBlockingDeque<>();
  private final Counter failures;
  private final MailTemplates templates;
  private final ObjectProvider<MailDeliveryProcesses> processes;
  /**
   * This node's view: a connection to the SMTP server failed since the sweeper last found it answering. True at start,
   * so that the first sweep after a restart during (or after) an outage asks once ({@link #serverAnswersAgain}).
   */
  private final AtomicBoolean serverDown = new AtomicBoolean(true);

  public MailOutbox(
      JdbcClient jdbc,
      ObjectProvider<JavaMailSender> senders,
      FileStore files,
      TimeSource time,
      PlatformTransactionManager transactionManager,
      MeterRegistry meters,
      @Value("${rso.mail.from}") String from,
      @Value("${rso.mail.delivery.lease:PT1M}") Duration lease,
      @Value("${rso.mail.delivery.first-retry-delay:PT30S}") Duration firstRetryDelay,
      @Value("${rso.mail.delivery.max-retry-delay:PT1H}") Duration maxRetryDelay,
      @Value("${rso.mail.delivery.alert-after-attempts:5}") int alertAfterAttempts,
      @Value("${rso.mail.delivery.threads:4}") int threads,
      @Value("${rso.mail.delivery.sweep-enabled:true}") boolean sweepEnabled,
      @Value("${rso.mail.smtp.pool-size:8}") int smtpPoolSize,
      @Value("${rso.mail.smtp.pool-idle:PT30S}") Duration smtpPoolIdle,
      MailTemplates templates,
      ObjectProvider<MailDeliveryProcesses> processes) {
    this.jdbc = jdbc;
    this.processes = processes;
    this.templates = templates;
    this.sender = senders.getIfAvailable();
    if (this.sender == null) {
      throw new IllegalStateException("no SMTP server is configured: set spring.mail.host (SPRING_MAIL_HOST) and its port and credentials, "
          + "or switch on the built-in mail catcher for local use with rso.mail-catcher.enabled=true (RSO_MAIL_CATCHER=true; the demo profile does)");
    }
    this.files = files;
    this.time = time;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = from;
    this.lease = lease;
    this.firstRetryDelay = firstRetryDelay;
    this.maxRetryDelay = maxRetryDelay;
    this.alertAfterAttempts = alertAfterAttempts;
    this.sweepEnabled = sweepEnabled;
    this.smtpPoolSize = smtpPoolSize;
    this.smtpPoolIdle = smtpPoolIdle;
    // 0 threads: the mail leaves on the thread that committed (tests, which read the mailbox right after a step)
    this.deliveries = threads <= 0 ? null : new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
        r -> {
          Thread t = new Thread(r, "mail-delivery");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    this.failures = Counter.builder("rso.mail.failures").description("failed mail delivery attempts").register(meters);
    Gauge.builder("rso.mail.backlog", this, o -> o.backlog().pending()).description("mails stored but not yet delivered").register(meters);
    Gauge.builder("rso.mail.delivery.queued", this, MailOutbox::deliveriesQueued)
        .description("steps' mails waiting for a delivery thread after their commit").register(meters);
    Gauge.builder("rso.mail.failing", this, o -> o.backlog().failing())
        .description("undelivered mails whose delivery failed at least rso.mail.delivery.alert-after-attempts times").register(meters);
  }

  /**
   * Delivers the mail stored under {@code idempotencyKey}, composing and storing it first if this is the first
   * attempt. In a transaction (a step's job), the mail and whatever its composer writes (link tokens, the rows its links
   * open) are stored in that transaction and the mail leaves once it has committed; without one, at once. Throws
   * {@link MailDeliveryException} when the SMTP server cannot be reached, so the calling job is retried (and becomes an
   * incident); the mail is on record by then, and committed (a caller that catches it and goes on) the sweeper delivers
   * it. After one such failure in a transaction, its later mails are stored and refused without connecting again.
   */
  public void deliverOnce(String idempotencyKey, Supplier<OutgoingMail> composer) {
    if (!TransactionSynchronizationManager.isActualTransactionActive() || !TransactionSynchronizationManager.isSynchronizationActive()) {
      deliverNow(idempotencyKey, composer);
      return;
    }
    AfterCompletion pending = afterCompletion();
    pending.composers.add(new Composer(idempotencyKey, composer));
    Optional<StoredMail> claimed = claimOrStore(idempotencyKey, composer, time.now());
    if (claimed.isEmpty()) {
      return;
    }
    if (pending.smtpFailure != null) {
      // the server failed this transaction once already: the mail is on record for the sweeper, and a chunk of a
      // communication does not wait for one connection timeout per recipient (nor read attachments it will not send)
      throw unreachable(idempotencyKey, pending.smtpFailure);
    }
    StoredMail mail = readContents(claimed.get());
    if (pending.transport == null) {
      try {
        pending.transport = connect();
      } catch (MessagingException | RuntimeException e) {
        pending.smtpFailure = e;
        throw unreachable(idempotencyKey, e);
      }
    }
    pending.mails.add(mail);
  }

  /** {@link #deliverOnce} outside a transaction: stored in a transaction of its own, sent at once. */
  private void deliverNow(String idempotencyKey, Supplier<OutgoingMail> composer) {
    Instant now = time.now();
    Optional<StoredMail> claimed = ownTransaction.execute(status -> claimOrStore(idempotencyKey, composer, now));
    if (claimed.isEmpty()) {
      return;
    }
    StoredMail mail = claimed.get();
    Transport transport;
    try {
      transport = connect();
    } catch (MessagingException | RuntimeException e) {
      recordFailure(mail, e, Boolean.TRUE);
      throw unreachable(idempotencyKey, e);
    }
    try {
      send(mail, transport, true);
    } finally {
      release(transport);
    }
  }

  /**
   * In the caller's transaction: the mail on record under the key, held for this attempt, or stored now if there is
   * none; empty when it was sent already or another attempt holds it.
   */
  private Optional<StoredMail> claimOrStore(String idempotencyKey, Supplier<OutgoingMail> composer, Instant now) {
    Optional<StoredMail> found = find(idempotencyKey);
    if (found.isEmpty()) {
      return Optional.of(store(idempotencyKey, composer.get(), now));
    }
    if (found.get().sent()) {
      LOG.info("mail {} was already delivered, not sending it again", idempotencyKey);
      return Optional.empty();
    }
    if (!claim(found.get().id(), now)) {
      LOG.info("mail {} is being delivered by another attempt, leaving it to that one (or to the sweeper)", idempotencyKey);
      return Optional.empty();
    }
    return found;
  }

  /** Reads the attachments now, in the step: a later step may delete the files (a privacy request's own) before the mail leaves. */
  private StoredMail readContents(StoredMail mail) {
    return mail.contents() != null ? mail : mail.withContents(mail.attachments().stream().map(a -> files.read(a.fileKey())).toList());
  }

  private static MailDeliveryException unreachable(String idempotencyKey, Exception e) {
    // the message becomes the Cockpit incident's message: what failed and why, by exception type only. The cause is not
    // chained: an SMTP server's reply may quote the recipients' addresses, and a chained cause would carry them into the
    // log and into the incident's stack trace in Cockpit.
    return new MailDeliveryException("mail " + idempotencyKey + " could not be delivered: the SMTP server is unreachable or "
        + "refused it (" + causes(e) + "). The step is retried on its cycle; when the retries are used up, fix the mail "
        + "server and retry the incident: the mail is then sent once.", null);
  }

  /**
   * The mails of the current transaction. Committed: they leave on one connection in the order they were composed, the
   * instance waiting and the step's rows there. Rolled back (the step failed after composing them, its commit was lost,
   * or the SMTP server was down): the mails had been composed for a step that will run again, and their rows are gone
   * with the transaction, so each is composed again and stored in a transaction of its own and, unless the server was
   * down, delivered now. A rerun of the step finds them on record and sends nothing again; a link in them opens what it
   * names (the composer's rows were stored with the mail), while the instance answers "try again shortly" until the
   * rerun has committed. A mail that cannot be composed again then (it needs what the step had written) is left to the
   * rerun.
   */
  private AfterCompletion afterCompletion() {
    for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof AfterCompletion mine && mine.outbox() == this) {
        return mine;
      }
    }
    AfterCompletion created = new AfterCompletion();
    TransactionSynchronizationManager.registerSynchronization(created);
    return created;
  }

  private record Composer(String key, Supplier<OutgoingMail> composer) {}

  private final class AfterCompletion implements TransactionSynchronization {
    final List<Composer> composers = new ArrayList<>();
    final List<StoredMail> mails = new ArrayList<>();
    Transport transport;
    Exception smtpFailure;

    MailOutbox outbox() {
      return MailOutbox.this;
    }

    @Override
    public void afterCompletion(int status) {
      if (status == STATUS_COMMITTED) {
        if (transport != null) {
          handOver(List.copyOf(mails), transport);
        }
        return;
      }
      if (transport != null) {
        release(transport);
      }
      salvage(composers, smtpFailure);
    }
  }

  /** See {@link #afterCompletion()}: the rolled-back transaction's mails, stored (and unless SMTP was down, sent) on their own. */
  private void salvage(List<Composer> composers, Exception smtpFailure) {
    Instant now = time.now();
    List<StoredMail> stored = new ArrayList<>();
    for (Composer c : composers) {
      try {
        ownTransaction.execute(status -> claimOrStore(c.key(), c.composer(), now)).map(this::readContents).ifPresent(stored::add);
      } catch (RuntimeException e) {
        LOG.warn("mail {} of a rolled-back step is left to the step's rerun: it could not be composed again ({})", c.key(),
            e.getClass().getSimpleName());
      }
    }
    if (stored.isEmpty()) {
      return;
    }
    if (smtpFailure != null) {
      stored.forEach(mail -> recordFailure(mail, smtpFailure, Boolean.TRUE));
      return;
    }
    Transport transport;
    try {
      transport = connect();
    } catch (MessagingException | RuntimeException e) {
      stored.forEach(mail -> recordFailure(mail, e, Boolean.TRUE));
      return;
    }
    handOver(stored, transport);
  }

  public boolean wasSent(String idempotencyKey) {
    return find(idempotencyKey).map(StoredMail::sent).orElse(false);
  }

  /**
   * The sweeper: delivers every undelivered mail that is due (nobody holds it, its retry delay has passed), on the
   * scheduler every {@code rso.mail.delivery.sweep-interval}; tests call it. Returns how many mails it delivered.
   */
  public int deliverDue() {
    Instant now = time.now();
    handOverFailing(now);
    List<String> due = due(now);
    if (due.isEmpty() && serverDown.get() && serverAnswersAgain(now)) {
      due = due(now);
    }
    int delivered = 0;
    for (String id : due.subList(0, Math.min(due.size(), 100))) {
      Optional<StoredMail> mail = ownTransaction.execute(status -> claim(id, now) ? findById(id) : Optional.<StoredMail>empty());
      if (mail.isEmpty()) {
        continue; // taken by another node, or delivered meanwhile
      }
      Transport transport;
      try {
        transport = connect();
      } catch (MessagingException | RuntimeException e) {
        recordFailure(mail.get(), e, null);
        break; // the server is down: the rest waits for the next sweep
      }
      try {
        if (send(mail.get(), transport, false)) {
          delivered++;
        }
      } finally {
        release(transport);
      }
    }
    if (delivered > 0) {
      LOG.info("mail sweeper delivered {} mail(s) left undelivered", delivered);
      if (serverDown.compareAndSet(true, false)) {
        bringForwardFailed(now); // the server takes mail again: what still waits out a retry delay goes on the next sweep
      }
    }
    return delivered;
  }

  private List<String> due(Instant now) {
    return jdbc.sql("""
            select id from mail_record where status = 'PENDING' and next_attempt_at <= ? and delivery_process_at is null
            and (delivering_until is null or delivering_until <= ?) order by next_attempt_at""")
        .params(Timestamp.from(now), Timestamp.from(now)).query(String.class).list();
  }

  /**
   * A mail that failed waits 30 s, 1, 2, 4 ... up to 60 min before its next attempt, so that a server that is down is
   * not asked once per waiting mail on every sweep. Once the server answers again, that backlog should not wait out
   * those delays (a customer's form an hour late). So after a connection failed ({@link #serverDown}), a sweep with
   * nothing due opens one connection (and records no attempt: an outage's length alone raises no incident), and if
   * the server takes it, every waiting mail is due now. A mail the server refuses while it takes connections keeps its
   * delays: that is not the server being down, and retrying it every sweep would not help it (a greylisting server
   * wants minutes).
   */
  private boolean serverAnswersAgain(Instant now) {
    Transport probe;
    try {
      probe = connect();
    } catch (MessagingException | RuntimeException e) {
      return false; // still down: the mails keep their delays
    }
    release(probe);
    serverDown.set(false);
    return bringForwardFailed(now) > 0;
  }

  /** Makes every undelivered mail that waits out a retry delay (and is not handed to a process) due now; returns how many. */
  private int bringForwardFailed(Instant now) {
    int due = jdbc.sql("""
            update mail_record set next_attempt_at = ? where status = 'PENDING' and attempts > 0 and delivery_process_at is null
            and next_attempt_at > ?""")
        .params(Timestamp.from(now), Timestamp.from(now)).update();
    if (due > 0) {
      LOG.info("the SMTP server takes mail again: {} mail(s) waiting after failed attempts are due now", due);
    }
    return due;
  }

  /**
   * Hands each mail that failed {@code alert-after-attempts} times after its step committed to a {@code mail-delivery}
   * process of its own (a Cockpit incident once its retries are used up; see {@link MailDeliveryProcesses}); from then on
   * the sweeper leaves it to that process. A mail whose own step keeps failing is not handed over: that step is
   * retried by the engine and becomes the incident. A mail whose process is gone (an operator deleted the instance)
   * while it is still undelivered is handed over again.
   */
  private void handOverFailing(Instant now) {
    MailDeliveryProcesses started = processes.getIfAvailable();
    if (started == null) {
      return;
    }
    List<String> orphaned = jdbc.sql("select id from mail_record where status = 'PENDING' and delivery_process_at is not null")
        .query(String.class).list();
    for (String id : orphaned.subList(0, Math.min(orphaned.size(), 100))) {
      if (!started.isRunning(id)) {
        jdbc.sql("update mail_record set delivery_process_at = null where id = ? and status = 'PENDING'").param(id).update();
      }
    }
    List<String> failing = jdbc.sql("""
            select id from mail_record where status = 'PENDING' and attempts >= ? and delivery_process_at is null
            and failed_in_step = false and (delivering_until is null or delivering_until <= ?) order by next_attempt_at""")
        .params(alertAfterAttempts, Timestamp.from(now)).query(String.class).list();
    for (String id : failing.subList(0, Math.min(failing.size(), 100))) {
      try {
        // marked and started in one transaction: two nodes never start two processes for one mail
        ownTransaction.executeWithoutResult(status -> {
          if (jdbc.sql("update mail_record set delivery_process_at = ? where id = ? and status = 'PENDING' and delivery_process_at is null")
              .params(Timestamp.from(now), id).update() == 1) {
            started.start(id);
          }
        });
        LOG.error("mail record {} keeps failing to leave: handed to a mail-delivery process (Cockpit, business key = that id)", id);
      } catch (RuntimeException e) {
        LOG.warn("mail record {} could not be handed to a mail-delivery process ({}); tried again on the next sweep", id,
            e.getClass().getSimpleName());
      }
    }
  }

  /**
   * The {@code mail-delivery} process's task: delivers the mail now, on a connection of its own, and marks it sent.
   * Throws, with a message that names no address, while the SMTP server cannot take it: the task is retried on its
   * cycle and then becomes an incident, whose retry (once the server is back) sends the mail exactly once. A mail
   * already sent, or no longer on record (erased), is not sent.
   */
  public void deliverByProcess(String mailRecordId) {
    Instant now = time.now();
    Optional<StoredMail> claimed = ownTransaction.execute(status -> claim(mailRecordId, now) ? findById(mailRecordId) : Optional.<StoredMail>empty());
    if (claimed.isEmpty()) {
      Optional<StoredMail> current = findById(mailRecordId);
      if (current.isEmpty() || current.get().sent()) {
        LOG.info("mail record {} is {}: nothing to deliver", mailRecordId, current.isEmpty() ? "no longer on record" : "already delivered");
        return;
      }
      throw new MailDeliveryException("mail " + current.get().key() + " is being delivered by another attempt right now; this task "
          + "tries again on its cycle and then finds it delivered", null);
    }
    StoredMail mail = claimed.get();
    Transport transport;
    try {
      transport = connect();
    } catch (MessagingException | RuntimeException e) {
      throw failedForProcess(mail, recordFailure(mail, e, null), e);
    }
    Exception failure;
    try {
      failure = trySend(mail, transport, null);
    } finally {
      release(transport);
    }
    if (failure != null) {
      throw failedForProcess(mail, attemptsOf(mail.id()), failure);
    }
  }

  private MailDeliveryException failedForProcess(StoredMail mail, int attempts, Exception e) {
    // no chained cause: an SMTP server's reply may quote the recipients' addresses (see deliverOnce)
    return new MailDeliveryException("mail " + mail.key() + " could not be delivered after " + attempts + " attempts: the SMTP server "
        + "is unreachable or refused it (" + causes(e) + "). This task is retried on its cycle; when the retries are used up, fix the "
        + "mail server and retry the incident: the mail is then sent once.", null);
  }

  private int attemptsOf(String id) {
    return jdbc.sql("select attempts from mail_record where id = ?").param(id).query(Integer.class).optional().orElse(0);
  }

  @Scheduled(fixedDelayString = "${rso.mail.delivery.sweep-interval:PT10S}", initialDelayString = "${rso.mail.delivery.sweep-interval:PT10S}")
  public void sweep() {
    if (sweepEnabled) {
      try {
        deliverDue();
      } catch (RuntimeException e) {
        LOG.warn("mail sweeper failed ({}); it runs again on its interval", e.getClass().getSimpleName());
      }
    }
  }

  /** Mails of committed steps waiting for a delivery thread (gauge {@code rso.mail.delivery.queued}). */
  public int deliveriesQueued() {
    return deliveries instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : 0;
  }

  /** Undelivered mails, and how many of them failed at least {@code alert-after-attempts} times. */
  public Backlog backlog() {
    return jdbc.sql("select count(*), coalesce(sum(case when attempts >= ? then 1 else 0 end), 0) from mail_record where status = 'PENDING'")
        .param(alertAfterAttempts)
        .query((rs, n) -> new Backlog(rs.getLong(1), rs.getLong(2), alertAfterAttempts))
        .single();
  }

  public record Backlog(long pending, long failing, int alertAfterAttempts) {}

  @PreDestroy
  void stop() throws InterruptedException {
    if (deliveries != null) {
      deliveries.shutdown(); // what is queued still goes; what is not sent by then, the sweeper sends after the restart
      deliveries.awaitTermination(10, TimeUnit.SECONDS);
    }
    for (IdleConnection idle; (idle = idleConnections.pollFirst()) != null; ) {
      close(idle.transport());
    }
  }

  private void handOver(List<StoredMail> mails, Transport transport) {
    Runnable sendAll = () -> {
      try {
        mails.forEach(mail -> send(mail, transport, true));
      } finally {
        release(transport);
      }
    };
    if (deliveries == null) {
      sendAll.run();
      return;
    }
    try {
      deliveries.execute(sendAll);
    } catch (RuntimeException e) { // shutting down: the sweeper sends them after the restart
      close(transport);
    }
  }

  /**
   * Sends on an open connection, then marks the mail sent (or counts the failure). Never throws. {@code afterStep}:
   * sent for its step (after that step's transaction), not by the sweeper.
   */
  private boolean send(StoredMail mail, Transport transport, boolean afterStep) {
    return trySend(mail, transport, afterStep ? Boolean.FALSE : null) == null;
  }

  /** {@link #send}, returning the failure (null: delivered); {@code inStep} as in {@link #recordFailure}. */
  private Exception trySend(StoredMail mail, Transport transport, Boolean inStep) {
    try {
      // one message per recipient: nobody sees whom else we wrote to. Each one that leaves is counted before the next
      // (recipients_sent), so a delivery cut off between two recipients sends the rest, not the first one again.
      for (int i = mail.recipientsSent(); i < mail.to().size(); i++) {
        String recipient = mail.to().get(i);
        MimeMessage message = toMime(mail, recipient);
        if (message.getSentDate() == null) {
          message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
          message.setHeader("Message-ID", messageId);
        }
        Address[] recipients = message.getAllRecipients();
        transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
        if (i < mail.to().size() - 1) {
          int sentSoFar = i + 1;
          ownTransaction.executeWithoutResult(status -> jdbc.sql("update mail_record set recipients_sent = ? where id = ?")
              .params(sentSoFar, mail.id()).update());
        }
      }
    } catch (MessagingException | RuntimeException e) {
      recordFailure(mail, e, inStep);
      return e;
    }
    try {
      ownTransaction.executeWithoutResult(status -> {
        jdbc.sql("""
                update mail_record set status = 'SENT', sent_at = ?, recipients_sent = ?, secrets = null, delivering_until = null,
                next_attempt_at = null where id = ?""")
            .params(Timestamp.from(time.now()), mail.to().size(), mail.id())
            .update();
        if (!mail.contentRedacted()) {
          // stored before V18, when only the body was stored redacted
          jdbc.sql("update mail_content set html_body = ?, headers = ? where mail_record_id = ?")
              .params(mail.html() == null ? null : MailRedaction.redact(mail.html()),
                  mail.headers().isEmpty() ? null : MailRedaction.redact(MailHeaders.format(mail.headers())), mail.id())
              .update();
        }
      });
    } catch (RuntimeException e) {
      // sent but not marked: the sweeper would send it again once the hold ends; nothing better can be done here
      LOG.error("mail {} was delivered but could not be marked sent ({})", mail.key(), e.getClass().getSimpleName());
      return null;
    }
    LOG.info("mail {} delivered to {} recipient(s) with {} attachment(s)", mail.key(), mail.to().size(), mail.attachments().size());
    return null;
  }

  /**
   * Lets go of the mail and sets when the sweeper tries again: 30 s, 1 min, 2 min, ... up to an hour. {@code inStep}:
   * true when the sending step itself failed before its commit (the engine retries it), false when the mail failed
   * after its step committed, null (the sweeper, the mail-delivery process) leaves what the last of those said.
   * Returns the failed attempts so far.
   */
  private int recordFailure(StoredMail mail, Exception e, Boolean inStep) {
    failures.increment();
    try {
      int attempts = ownTransaction.execute(status -> {
        Integer before = jdbc.sql("select attempts from mail_record where id = ?").param(mail.id()).query(Integer.class).single();
        int after = before + 1;
        jdbc.sql("update mail_record set attempts = ?, delivering_until = null, next_attempt_at = ?"
                + (inStep == null ? "" : inStep ? ", failed_in_step = true" : ", failed_in_step = false") + " where id = ? and status = 'PENDING'")
            .params(after, Timestamp.from(time.now().plus(retryDelay(after))), mail.id())
            .update();
        return after;
      });
      if (attempts >= alertAfterAttempts) {
        LOG.error("mail {} could not be delivered after {} attempts ({}); see the mailDelivery health and rso.mail.failing",
            mail.key(), attempts, causes(e));
      } else {
        LOG.warn("mail {} could not be delivered, attempt {} ({}); tried again later", mail.key(), attempts, causes(e));
      }
      return attempts;
    } catch (RuntimeException dbFailure) {
      LOG.error("mail {} could not be delivered ({}), and the failure could not be recorded ({})", mail.key(), causes(e),
          dbFailure.getClass().getSimpleName());
      return 0;
    }
  }

  Duration retryDelay(int attempts) {
    Duration delay = firstRetryDelay;
    for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }

  /** Takes the mail for one delivery attempt unless another holds it; in the caller's transaction. */
  private boolean claim(String id, Instant now) {
    return jdbc.sql("""
            update mail_record set delivering_until = ? where id = ? and status = 'PENDING'
            and (delivering_until is null or delivering_until <= ?)""")
        .params(Timestamp.from(now.plus(lease)), id, Timestamp.from(now))
        .update() == 1;
  }

  /**
   * An open SMTP connection: one left idle by an earlier send if it still answers (NOOP), else a new one. Setting up a
   * connection costs a round trip per greeting and EHLO line and, with TLS, a handshake: 45 ms against GreenMail here,
   * on the job thread of every mail step (docs/performance.md "SMTP connections"). At most {@code rso.mail.smtp.pool-size}
   * connections wait idle, each at most {@code rso.mail.smtp.pool-idle} (below the 5 minutes after which RFC 5321 lets a
   * server drop an idle client); 0 turns reuse off. A connection is used by one thread at a time. A failure marks the
   * server {@link #serverDown} until a sweep finds it answering again.
   */
  private Transport connect() throws MessagingException {
    try {
      return openOrReuse();
    } catch (MessagingException | RuntimeException e) {
      serverDown.set(true);
      throw e;
    }
  }

  private Transport openOrReuse() throws MessagingException {
    for (IdleConnection idle; (idle = idleConnections.pollFirst()) != null; ) {
      if (Duration.between(idle.since(), Instant.now()).compareTo(smtpPoolIdle) < 0 && idle.transport().isConnected()) {
        return idle.transport();
      }
      close(idle.transport());
    }
    if (!(sender instanceof JavaMailSenderImpl smtp)) {
      throw new IllegalStateException("the mail sender is not an SMTP sender");
    }
    Transport transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
    String user = smtp.getUsername() == null || smtp.getUsername().isEmpty() ? null : smtp.getUsername();
    String password = smtp.getPassword() == null || smtp.getPassword().isEmpty() ? null : smtp.getPassword();
    transport.connect(smtp.getHost(), smtp.getPort(), user, password);
    return transport;
  }

  /**
   * Done with a connection: kept for the next send while the pool has room and the connection still answers (NOOP: one
   * that failed mid-send or was dropped does not), else closed.
   */
  private void release(Transport transport) {
    if (smtpPoolSize > 0 && idleConnections.size() < smtpPoolSize && transport.isConnected()) {
      idleConnections.offerFirst(new IdleConnection(transport, Instant.now()));
      return;
    }
    close(transport);
  }

  private record IdleConnection(Transport transport, Instant since) {}

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException ignored) {
      // the mail went (or its failure is recorded); a failing QUIT changes nothing
    }
  }

  /** The exception types behind a mail failure, outermost first, e.g. "MailSendException, MessagingException, ConnectException". */
  static String causes(Throwable e) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    List<Throwable> roots = new ArrayList<>(List.of(e));
    if (e instanceof org.springframework.mail.MailSendException send) {
      roots.addAll(List.of(send.getMessageExceptions()));
    }
    for (Throwable root : roots) {
      for (Throwable t = root; t != null && names.size() < 6; t = t.getCause() == t ? null : t.getCause()) {
        names.add(t.getClass().getSimpleName());
      }
    }
    return String.join(", ", names);
  }

  static String causes(MailException e) {
    return causes((Throwable) e);
  }

  private static final String COLUMNS = "r.id, r.idempotency_key, r.recipients, r.subject, c.body, r.secrets, r.status, c.html_body, c.headers, "
      + "r.recipients_sent from mail_record r join mail_content c on c.mail_record_id = r.id";

  private Optional<StoredMail> find(String key) {
    return jdbc.sql("select " + COLUMNS + " where r.idempotency_key = ?").param(key).query(this::row).optional();
  }

  private Optional<StoredMail> findById(String id) {
    return jdbc.sql("select " + COLUMNS + " where r.id = ?").param(id).query(this::row).optional();
  }

  private StoredMail row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    boolean sent = "SENT".equals(rs.getString("status"));
    Secrets secrets = Secrets.parse(sent ? null : rs.getString("secrets"));
    String html = rs.getString("html_body");
    String headers = rs.getString("headers");
    return new StoredMail(
        rs.getString("id"),
        rs.getString("idempotency_key"),
        List.of(rs.getString("recipients").split(",")),
        rs.getString("subject"),
        MailRedaction.restore(rs.getString("body"), secrets.body()),
        attachmentsOf(rs.getString("id")),
        sent,
        null,
        html == null ? null : MailRedaction.restore(html, secrets.html()),
        MailHeaders.parse(headers == null ? null : MailRedaction.restore(headers, secrets.headers())),
        rs.getInt("recipients_sent"),
        secrets.contentRedacted());
  }

  /**
   * The link tokens and codes a pending mail's body, HTML part and headers need until delivery, in the
   * {@code mail_record.secrets} column: {@code #b,h,d} (how many belong to each part) on the first line, then one per
   * line. Rows stored before V18 hold the body's only, without that line, and their HTML part and headers are
   * unredacted ({@code contentRedacted} false).
   */
  record Secrets(List<String> body, List<String> html, List<String> headers, boolean contentRedacted) {
    static String format(List<String> body, List<String> html, List<String> headers) {
      if (body.isEmpty() && html.isEmpty() && headers.isEmpty()) {
        return null;
      }
      List<String> lines = new ArrayList<>();
      lines.add("#" + body.size() + "," + html.size() + "," + headers.size());
      lines.addAll(body);
      lines.addAll(html);
      lines.addAll(headers);
      return String.join(SECRET_SEPARATOR, lines);
    }

    static Secrets parse(String column) {
      if (column == null) {
        return new Secrets(List.of(), List.of(), List.of(), true);
      }
      List<String> lines = List.of(column.split(SECRET_SEPARATOR));
      if (!lines.get(0).startsWith("#")) {
        return new Secrets(lines, List.of(), List.of(), false);
      }
      String[] counts = lines.get(0).substring(1).split(",");
      int b = Integer.parseInt(counts[0]);
      int h = Integer.parseInt(counts[1]);
      int d = Integer.parseInt(counts[2]);
      return new Secrets(lines.subList(1, 1 + b), lines.subList(1 + b, 1 + b + h), lines.subList(1 + b + h, 1 + b + h + d), true);
    }
  }

  private List<MailAttachment> attachmentsOf(String mailId) {
    return jdbc.sql("select file_name, content_type, file_key from mail_attachment where mail_record_id = ? order by position")
        .param(mailId)
        .query((rs, n) -> new MailAttachment(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private StoredMail store(String key, OutgoingMail mail, Instant now) {
    String id = UUID.randomUUID().toString();
    // the body, HTML part and headers once, as they stay on record (mail_content, never updated); the link tokens and
    // codes they need beside them, in the narrow mail_record row, until the mail is delivered. The sweeper leaves a fresh
    // mail to its step for the lease; a rerun of the step (after a crash before its commit) is not held off: it delivers
    // at once, as the step it replaces would have.
    MailRedaction.Redacted body = MailRedaction.split(mail.body());
    MailRedaction.Redacted html = MailRedaction.split(mail.html() == null ? "" : mail.html());
    String headerText = MailHeaders.format(mail.headers());
    MailRedaction.Redacted headers = MailRedaction.split(headerText == null ? "" : headerText);
    jdbc.sql("""
            insert into mail_record (id, idempotency_key, support_request_id, recipients, subject, secrets, status, created_at,
            attempts, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, 'PENDING', ?, 0, ?)""")
        .params(id, key, mail.supportRequestId(), String.join(",", mail.to()), mail.subject(),
            Secrets.format(body.secrets(), html.secrets(), headers.secrets()), Timestamp.from(now), Timestamp.from(now.plus(lease)))
        .update();
    jdbc.sql("insert into mail_content (mail_record_id, body, html_body, headers) values (?, ?, ?, ?)")
        .params(id, body.body(), mail.html() == null ? null : html.body(), headerText == null ? null : headers.body())
        .update();
    // who it went to, one row per address: a privacy request finds the mails sent to its subject by index
    for (String recipient : LookupKeys.emails(mail.to())) {
      jdbc.sql("insert into mail_recipient (mail_record_id, email_key) values (?, ?)").params(id, recipient).update();
    }
    List<MailAttachment> attachments = new ArrayList<>(mail.attachments());
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < attachments.size(); i++) {
      MailAttachment a = attachments.get(i);
      byte[] content = files.read(a.fileKey());
      contents.add(content);
      jdbc.sql("insert into mail_attachment (mail_record_id, position, file_name, content_type, file_key, sha256) values (?, ?, ?, ?, ?, ?)")
          .params(id, i, a.fileName(), a.contentType(), a.fileKey(), FileStore.sha256(content))
          .update();
    }
    return new StoredMail(id, key, mail.to(), mail.subject(), mail.body(), attachments, false, contents, mail.html(), mail.headers(), 0, true);
  }

  private MimeMessage toMime(StoredMail mail, String recipient) {
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(recipient);
      helper.setSubject(mail.subject());
      // multipart/alternative: the plain text, and HTML (the composer's, or the text laid out by the mail layout, links clickable)
      helper.setText(mail.body(), mail.html() != null ? mail.html() : templates.htmlOf(mail.subject(), mail.body()));
      for (int i = 0; i < mail.attachments().size(); i++) {
        MailAttachment a = mail.attachments().get(i);
        byte[] content = mail.contents() != null ? mail.contents().get(i) : files.read(a.fileKey());
        helper.addAttachment(a.fileName(), new ByteArrayResource(content), a.contentType());
      }
      for (java.util.Map.Entry<String, String> h : mail.headers().entrySet()) {
        message.setHeader(h.getKey(), h.getValue());
      }
      // lets the receiving side (and the mail catcher) recognise a resend of the same mail
      message.setHeader("X-RSO-Mail-Id", mail.id());
    } catch (MessagingException e) {
      throw new MailDeliveryException("mail could not be composed", e);
    }
    return message;
  }

  /** {@code contents}: the attachments' bytes, read by the step before it commits (null: read them when sending). */
  private record StoredMail(String id, String key, List<String> to, String subject, String body, List<MailAttachment> attachments,
      boolean sent, List<byte[]> contents, String html, java.util.Map<String, String> headers, int recipientsSent,
      boolean contentRedacted) {
    StoredMail withContents(List<byte[]> read) {
      return new StoredMail(id, key, to, subject, body, attachments, sent, read, html, headers, recipientsSent, contentRedacted);
    }
  }

  /** A technical failure to deliver; the job is retried and ends as an incident when retries run out. */
  public static class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
