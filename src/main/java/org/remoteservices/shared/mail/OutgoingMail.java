package org.remoteservices.shared.mail;

import java.util.List;
import java.util.Map;

/**
 * A mail as composed by a use case. {@code supportRequestId} ties it to the case it is about, so that the
 * record of it can be shown in an access request and erased with the subject. {@code html} (optional) is sent as
 * the HTML alternative of the plain-text {@code body}; {@code headers} (optional) are extra headers such as
 * {@code List-Unsubscribe}.
 */
public record OutgoingMail(
    String supportRequestId, List<String> to, String subject, String body, List<MailAttachment> attachments,
    String html, Map<String, String> headers) {

  public OutgoingMail {
    if (to == null || to.isEmpty()) {
      throw new IllegalArgumentException("a mail needs at least one recipient");
    }
    to = List.copyOf(to);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if ((h.getKey() + h.getValue()).contains("\n") || (h.getKey() + h.getValue()).contains("\r")) {
        throw new IllegalArgumentException("a mail header must be one line");
      }
    }
  }

  /** A plain-text mail, as before HTML parts existed. */
  public OutgoingMail(String supportRequestId, List<String> to, String subject, String body, List<MailAttachment> attachments) {
    this(supportRequestId, to, subject, body, attachments, null, Map.of());
  }

  /** The same mail with an HTML part (and, when given, extra headers). */
  public OutgoingMail withHtml(String htmlPart, Map<String, String> extraHeaders) {
    return new OutgoingMail(supportRequestId, to, subject, body, attachments, htmlPart, extraHeaders);
  }

  @Override
  public String toString() { // recipients, subject and body are personal data
    return "OutgoingMail[supportRequest=" + supportRequestId + ", recipients=" + to.size() + ", attachments=" + attachments.size() + "]";
  }
}
