package org.remoteservices.shared.mail;

import java.util.List;

/**
 * A mail as composed by a use case. {@code supportRequestId} ties it to the case it is about, so that the
 * record of it can be shown in an access request and erased with the subject.
 */
public record OutgoingMail(
    String supportRequestId, List<String> to, String subject, String body, List<MailAttachment> attachments) {

  public OutgoingMail {
    if (to == null || to.isEmpty()) {
      throw new IllegalArgumentException("a mail needs at least one recipient");
    }
    to = List.copyOf(to);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  @Override
  public String toString() { // recipients, subject and body are personal data
    return "OutgoingMail[supportRequest=" + supportRequestId + ", recipients=" + to.size() + ", attachments=" + attachments.size() + "]";
  }
}
