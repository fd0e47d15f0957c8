package org.remoteservices.privacy.application;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.mail.MailAttachment;
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.mail.MailTemplates;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.stereotype.Component;

/**
 * Mail of the privacy feature: one idempotency key per request and purpose ({@code privacy:<id>:<purpose>}),
 * so an erasure finds every mail of a request by its key, and a retried step never sends twice.
 */
@Component
public class PrivacyMails {
  /** The privacy team's signature under every privacy mail. */
  public static final String SIGNATURE = "Remote Services · Data Privacy";
  private static final MailTemplates TEMPLATES = new MailTemplates(); // stateless; the static composers use it
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(TimeSource.ZONE);

  private final MailOutbox outbox;

  public PrivacyMails(MailOutbox outbox) {
    this.outbox = outbox;
  }

  public static String keyPrefix(String privacyRequestId) {
    return "privacy:" + privacyRequestId + ":";
  }

  public void send(PrivacyRequest request, String purpose, List<String> to, String subject, String body, List<MailAttachment> attachments) {
    outbox.deliverOnce(keyPrefix(request.id()) + purpose, () -> mail(request, to, subject, body, attachments));
  }

  /** A mail of the request: its reference in the subject, the privacy team's signature under the body. */
  public static OutgoingMail mail(PrivacyRequest request, List<String> to, String subject, String body, List<MailAttachment> attachments) {
    return signed(to, subject + " (" + request.reference() + ")", body, attachments);
  }

  /**
   * A privacy mail from the template pair {@code mail/privacy.*}: the text with the privacy team's signature under it,
   * and as HTML in the shared mail layout with every link an anchor.
   */
  public static OutgoingMail signed(List<String> to, String subject, String body, List<MailAttachment> attachments) {
    return TEMPLATES.mail(null, to, subject, "privacy",
        Map.of("body", body, "paragraphs", MailTemplates.paragraphs(body), "signature", SIGNATURE), attachments);
  }

  /**
   * A mail of the request from its own template pair {@code mail/privacy/<template>.txt|.html}: the use case passes only
   * values; the wording, and the privacy team's signature under it, are in the templates. The subject gets the reference.
   */
  public void send(PrivacyRequest request, String purpose, List<String> to, String subject, String template, Map<String, Object> values,
      List<MailAttachment> attachments) {
    outbox.deliverOnce(keyPrefix(request.id()) + purpose, () -> templated(request, to, subject, template, values, attachments));
  }

  public static OutgoingMail templated(PrivacyRequest request, List<String> to, String subject, String template, Map<String, Object> values,
      List<MailAttachment> attachments) {
    Map<String, Object> model = new java.util.HashMap<>(values);
    model.put("signature", SIGNATURE);
    model.put("greeting", greeting(request));
    model.put("reference", request.reference());
    if (values.get("authority") instanceof String authority) { // its links as anchors in the HTML part
      model.put("authoritySegments", MailTemplates.paragraphs(authority).stream().flatMap(List::stream).toList());
    }
    return TEMPLATES.mail(null, to, subject + " (" + request.reference() + ")", "privacy/" + template, model, attachments);
  }

  /** Sends with the composer run only on the first attempt (for mails that issue link tokens). */
  public void send(PrivacyRequest request, String purpose, java.util.function.Supplier<OutgoingMail> composer) {
    outbox.deliverOnce(keyPrefix(request.id()) + purpose, composer);
  }

  public boolean wasSent(PrivacyRequest request, String purpose) {
    return outbox.wasSent(keyPrefix(request.id()) + purpose);
  }

  public static String day(Instant instant) {
    return DAY.format(instant);
  }

  /** The day a deadline instant (the start of the day after) stands for. */
  public static String deadlineDay(Instant dueAt) {
    return DAY.format(dueAt.minusSeconds(1));
  }

  public static String greeting(PrivacyRequest request) {
    return "Hello " + (request.agentName() != null ? request.agentName() : request.name()) + ",";
  }
}
