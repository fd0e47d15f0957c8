package org.remoteservices.shared.mail;

/** An attachment of an outgoing mail: a file already in the file store. */
public record MailAttachment(String fileName, String contentType, String fileKey) {
  public static MailAttachment pdf(String fileName, String fileKey) {
    return new MailAttachment(fileName, "application/pdf", fileKey);
  }
}
