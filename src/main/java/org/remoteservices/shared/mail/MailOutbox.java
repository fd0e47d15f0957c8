package org.remoteservices.shared.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.lookup.LookupKeys;
import org.remoteservices.shared.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each mail exactly once per idempotency key, and keeps the record of what was sent.
 *
 * <p>Mail steps run in their own job (async continuation). A job may run more than once: SMTP failed, or
 * the job's transaction rolled back after the mail left (optimistic locking, crash). So the mail is first
 * composed and stored under its key in a transaction of its own (the outbox row, with any link tokens the
 * composer created), then delivered, then marked sent in a transaction of its own. A rerun finds the row:
 * it re-delivers a PENDING one unchanged and skips a SENT one. Only a crash between the SMTP server's
 * "accepted" and the commit of "sent" can double a mail; that window is milliseconds wide.
 */
@Component
public class MailOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

  private final JdbcClient jdbc;
  private final JavaMailSender sender;
  private final FileStore files;
  private final TimeSource time;
  private final TransactionTemplate ownTransaction;
  private final String from;
  private final MailTemplates templates;

  public MailOutbox(
      JdbcClient jdbc,
      org.springframework.beans.factory.ObjectProvider<JavaMailSender> senders,
      FileStore files,
      TimeSource time,
      PlatformTransactionManager transactionManager,
      @Value("${rso.mail.from}") String from,
      MailTemplates templates) {
    this.templates = templates;
    this.jdbc = jdbc;
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
  }

  /**
   * Delivers the mail stored under {@code idempotencyKey}, composing and storing it first if this is the
   * first attempt. Throws on SMTP failure, so the calling job is retried (and becomes an incident).
   */
  public void deliverOnce(String idempotencyKey, Supplier<OutgoingMail> composer) {
    StoredMail mail = ownTransaction.execute(status -> find(idempotencyKey).orElseGet(() -> store(idempotencyKey, composer.get())));
    if (mail.sent()) {
      LOG.info("mail {} was already delivered, not sending it again", idempotencyKey);
      return;
    }
    try {
      // one message per recipient: nobody sees whom else we wrote to (one record, one SMTP session)
      sender.send(mail.to().stream().map(recipient -> toMime(mail, recipient)).toArray(MimeMessage[]::new));
    } catch (MailException e) {
      // the message becomes the Cockpit incident's message: what failed and why, by exception type only. The cause
      // is not chained: an SMTP server's reply may quote the recipients' addresses, and a chained cause would carry
      // them into the log and into the incident's stack trace in Cockpit.
      throw new MailDeliveryException("mail " + idempotencyKey + " could not be delivered: the SMTP server is unreachable or "
          + "refused it (" + causes(e) + "). The step is retried on its cycle; when the retries are used up, fix the mail "
          + "server and retry the incident: the mail is then sent once.", null);
    }
    // what stays on record proves what was sent, but opens nothing: links and codes are redacted once delivered
    ownTransaction.executeWithoutResult(status -> jdbc
        .sql("update mail_record set status = 'SENT', sent_at = ?, body = ?, html_body = ?, headers = ? where id = ?")
        .params(Timestamp.from(time.now()), MailRedaction.redact(mail.body()), mail.html() == null ? null : MailRedaction.redact(mail.html()),
            mail.headers().isEmpty() ? null : MailRedaction.redact(MailHeaders.format(mail.headers())), mail.id())
        .update());
    LOG.info("mail {} delivered to {} recipient(s) with {} attachment(s)", idempotencyKey, mail.to().size(), mail.attachments().size());
  }

  /** The exception types behind a mail failure, outermost first, e.g. "MailSendException, MessagingException, ConnectException". */
  static String causes(MailException e) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    java.util.List<Throwable> roots = new ArrayList<>(List.of(e));
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

  public boolean wasSent(String idempotencyKey) {
    return find(idempotencyKey).map(StoredMail::sent).orElse(false);
  }

  private Optional<StoredMail> find(String key) {
    return jdbc.sql("select id, recipients, subject, body, status, html_body, headers from mail_record where idempotency_key = ?")
        .param(key)
        .query((rs, n) -> new StoredMail(
            rs.getString("id"),
            List.of(rs.getString("recipients").split(",")),
            rs.getString("subject"),
            rs.getString("body"),
            attachmentsOf(rs.getString("id")),
            "SENT".equals(rs.getString("status")),
            rs.getString("html_body"),
            MailHeaders.parse(rs.getString("headers"))))
        .optional();
  }

  private List<MailAttachment> attachmentsOf(String mailId) {
    return jdbc.sql("select file_name, content_type, file_key from mail_attachment where mail_record_id = ? order by position")
        .param(mailId)
        .query((rs, n) -> new MailAttachment(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private StoredMail store(String key, OutgoingMail mail) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into mail_record (id, idempotency_key, support_request_id, recipients, subject, body, status, created_at, html_body, headers)
            values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
        .params(id, key, mail.supportRequestId(), String.join(",", mail.to()), mail.subject(), mail.body(), Timestamp.from(time.now()),
            mail.html(), MailHeaders.format(mail.headers()))
        .update();
    // who it went to, one row per address: a privacy request finds the mails sent to its subject by index
    for (String recipient : LookupKeys.emails(mail.to())) {
      jdbc.sql("insert into mail_recipient (mail_record_id, email_key) values (?, ?)").params(id, recipient).update();
    }
    List<MailAttachment> attachments = new ArrayList<>(mail.attachments());
    for (int i = 0; i < attachments.size(); i++) {
      MailAttachment a = attachments.get(i);
      jdbc.sql("insert into mail_attachment (mail_record_id, position, file_name, content_type, file_key) values (?, ?, ?, ?, ?)")
          .params(id, i, a.fileName(), a.contentType(), a.fileKey())
          .update();
    }
    return new StoredMail(id, mail.to(), mail.subject(), mail.body(), attachments, false, mail.html(), mail.headers());
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
      for (MailAttachment a : mail.attachments()) {
        helper.addAttachment(a.fileName(), new ByteArrayResource(files.read(a.fileKey())), a.contentType());
      }
      // lets the receiving side (and the mail catcher) recognise a resend of the same mail
      message.setHeader("X-RSO-Mail-Id", mail.id());
      for (java.util.Map.Entry<String, String> h : mail.headers().entrySet()) {
        message.setHeader(h.getKey(), h.getValue());
      }
    } catch (MessagingException e) {
      throw new MailDeliveryException("mail could not be composed", e);
    }
    return message;
  }

  private record StoredMail(String id, List<String> to, String subject, String body, List<MailAttachment> attachments, boolean sent,
      String html, java.util.Map<String, String> headers) {}

  /** A technical failure to deliver; the job is retried and ends as an incident when retries run out. */
  public static class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
