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
    model.put("greeting", greeting(request));
    model.put("reference", request.reference());
    return fromTemplate(to, subject + " (" + request.reference() + ")", template, model, attachments);
  }

  /**
   * A privacy mail from template pair {@code mail/privacy/<template>.*} with the subject as given: the privacy team's
   * signature is added to the values, and a supervisory authority's text gets its links as anchors in the HTML part.
   * Values may be null (a template leaves out what is null).
   */
  public static OutgoingMail fromTemplate(List<String> to, String subject, String template, Map<String, Object> values,
      List<MailAttachment> attachments) {
    Map<String, Object> model = new java.util.HashMap<>(values);
    model.put("signature", SIGNATURE);
    if (values.get("authority") instanceof String authority) { // its links as anchors in the HTML part
      model.put("authoritySegments", MailTemplates.paragraphs(authority).stream().flatMap(List::stream).toList());
    }
    return TEMPLATES.mail(null, to, subject, "privacy/" + template, model, attachments);
  }

  /** Values for a template; unlike {@code Map.of}, a value may be null. */
  public static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
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
