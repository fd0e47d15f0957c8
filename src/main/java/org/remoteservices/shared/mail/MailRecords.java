package org.remoteservices.shared.mail;

import static org.remoteservices.shared.data.OwnedTable.table;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.remoteservices.shared.data.OwnedTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mails on record (written by {@link MailOutbox}), as a privacy request needs them: found by the record they
 * are about (a support request), by recipient address (index lookup on {@code mail_recipient}), or by the prefix
 * of their idempotency key (a privacy request's own mails), described, and deleted. The SQL on the mail tables
 * lives here and in the outbox only.
 */
@Component
public class MailRecords {
  /**
   * The mail tables: recipients, subject and body (with the HTML part, in {@code mail_content}) are personal data. {@code secrets} holds a pending mail's link
   * tokens and codes until delivery (no personal data); an attachment is the file store's key and the SHA-256 of the
   * bytes sent (the file belongs to the case and is erased with it, or with the mail by the MAILS step).
   */
  public static final List<OwnedTable> TABLES = List.of(
      table("mail_record", List.of("id", "idempotency_key", "support_request_id", "recipients", "subject", "status", "created_at",
          "sent_at", "attempts", "next_attempt_at", "delivering_until", "secrets", "delivery_process_at", "failed_in_step", "recipients_sent"),
          "recipients", "subject"),
      table("mail_content", List.of("mail_record_id", "body", "html_body", "headers"), "body", "html_body"),
      table("mail_attachment", List.of("mail_record_id", "position", "file_name", "content_type", "file_key", "sha256")),
      table("mail_recipient", List.of("mail_record_id", "email_key"), "email_key"));

  private final JdbcClient jdbc;

  public MailRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Ids of the mails about any of these records, to any of these addresses (e-mail keys), or under any of these key prefixes. */
  public List<String> find(Collection<String> aboutRecordIds, Collection<String> emailKeys, Collection<String> keyPrefixes) {
    Set<String> ids = new LinkedHashSet<>();
    if (!aboutRecordIds.isEmpty()) {
      ids.addAll(jdbc.sql("select id from mail_record where support_request_id in (:ids)").param("ids", List.copyOf(aboutRecordIds))
          .query(String.class).list());
    }
    if (!emailKeys.isEmpty()) {
      ids.addAll(jdbc.sql("select mail_record_id from mail_recipient where email_key in (:keys)").param("keys", List.copyOf(emailKeys))
          .query(String.class).list());
    }
    for (String prefix : keyPrefixes) {
      ids.addAll(jdbc.sql("select id from mail_record where idempotency_key like ?").param(prefix + "%").query(String.class).list());
    }
    return List.copyOf(ids);
  }

  /** When, to whom and with which subject each mail went (the body stays out of an access report's summary). */
  public List<Map<String, Object>> describe(Collection<String> mailIds) {
    if (mailIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select created_at, sent_at, recipients, subject from mail_record where id in (:ids) order by created_at")
        .param("ids", List.copyOf(mailIds)).query().listOfRows().stream().map(MailRecords::normalise).toList();
  }

  public List<String> attachmentKeys(Collection<String> mailIds) {
    if (mailIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select file_key from mail_attachment where mail_record_id in (:ids)").param("ids", List.copyOf(mailIds))
        .query(String.class).list();
  }

  /** Deletes the mails with their attachments' rows and recipients; returns how many mails went. */
  public int delete(Collection<String> mailIds) {
    if (mailIds.isEmpty()) {
      return 0;
    }
    List<String> ids = List.copyOf(mailIds);
    jdbc.sql("delete from mail_attachment where mail_record_id in (:ids)").param("ids", ids).update();
    jdbc.sql("delete from mail_recipient where mail_record_id in (:ids)").param("ids", ids).update();
    jdbc.sql("delete from mail_content where mail_record_id in (:ids)").param("ids", ids).update();
    return jdbc.sql("delete from mail_record where id in (:ids)").param("ids", ids).update();
  }

  private static Map<String, Object> normalise(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach((key, value) -> out.put(key.toLowerCase(Locale.ROOT), value instanceof Timestamp t ? t.toInstant() : value));
    return out;
  }
}
