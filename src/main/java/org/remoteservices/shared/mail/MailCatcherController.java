package org.remoteservices.shared.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.shared.error.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** The operators' view of the built-in mail catcher: every caught mail with its attachments. */
@Controller
public class MailCatcherController {
  private final ObjectProvider<GreenMail> catcher;

  public MailCatcherController(ObjectProvider<GreenMail> catcher) {
    this.catcher = catcher;
  }

  /** The page is a shell; the data behind it needs an operator login. */
  @GetMapping("/mail-catcher")
  @PublicEndpoint
  public String page() {
    return "forward:/mail-catcher.html";
  }

  public record CaughtMail(String id, Instant receivedAt, String from, List<String> to, String subject, String body, List<CaughtAttachment> attachments) {}

  public record CaughtAttachment(int index, String fileName, String contentType, int size) {}

  @GetMapping(path = "/api/mail-catcher/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @StaffOnly
  public List<CaughtMail> messages() throws MessagingException, IOException {
    MimeMessage[] received = greenMail().getReceivedMessages();
    List<CaughtMail> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = received.length - 1; i >= 0; i--) {
      MimeMessage m = received[i];
      // the catcher keeps one copy per recipient mailbox; show each mail once
      if (m.getMessageID() != null && !seen.add(m.getMessageID())) {
        continue;
      }
      List<Part> parts = attachments(m);
      List<CaughtAttachment> attachments = new ArrayList<>();
      for (int a = 0; a < parts.size(); a++) {
        Part p = parts.get(a);
        attachments.add(new CaughtAttachment(a, p.getFileName(), p.getContentType().split(";")[0], p.getInputStream().readAllBytes().length));
      }
      out.add(new CaughtMail(String.valueOf(i), m.getReceivedDate() == null ? null : m.getReceivedDate().toInstant(),
          addresses(m.getFrom()).stream().findFirst().orElse(null), addresses(m.getRecipients(Message.RecipientType.TO)),
          m.getSubject(), text(m), attachments));
    }
    return out;
  }

  @GetMapping("/api/mail-catcher/messages/{id}/attachments/{index}")
  @StaffOnly
  public ResponseEntity<byte[]> attachment(@PathVariable int id, @PathVariable int index) throws MessagingException, IOException {
    MimeMessage[] received = greenMail().getReceivedMessages();
    if (id < 0 || id >= received.length) {
      throw DomainException.notFound("no caught mail " + id);
    }
    List<Part> parts = attachments(received[id]);
    if (index < 0 || index >= parts.size()) {
      throw DomainException.notFound("no attachment " + index);
    }
    Part part = parts.get(index);
    try (InputStream in = part.getInputStream()) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(part.getContentType().split(";")[0]))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + part.getFileName().replace("\"", "") + "\"")
          .body(in.readAllBytes());
    }
  }

  private GreenMail greenMail() {
    GreenMail greenMail = catcher.getIfAvailable();
    if (greenMail == null) {
      throw DomainException.notFound("the mail catcher is off: a real SMTP server is configured (spring.mail.host)");
    }
    return greenMail;
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  /**
   * The plain-text part of a message, at whatever depth: the outbox's mails are multipart/mixed around
   * multipart/related around multipart/alternative (text and HTML), with the attachments beside them.
   */
  static String text(MimeMessage m) throws MessagingException, IOException {
    Object content = m.getContent();
    if (content instanceof Multipart mp) {
      String found = plainText(mp);
      return found == null ? "" : found;
    }
    return GreenMailUtil.getBody(m);
  }

  private static String plainText(Multipart mp) throws MessagingException, IOException {
    for (int i = 0; i < mp.getCount(); i++) {
      BodyPart part = mp.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        continue;
      }
      if (part.isMimeType("text/plain")) {
        return part.getContent().toString();
      }
      if (part.getContent() instanceof Multipart nested) {
        String found = plainText(nested);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  static List<Part> attachments(MimeMessage m) throws MessagingException, IOException {
    List<Part> out = new ArrayList<>();
    if (m.getContent() instanceof Multipart mp) {
      collect(mp, out);
    }
    return out;
  }

  private static void collect(Multipart mp, List<Part> out) throws MessagingException, IOException {
    for (int i = 0; i < mp.getCount(); i++) {
      BodyPart part = mp.getBodyPart(i);
      if (part.getFileName() != null) {
        out.add(part);
      } else if (part.getContent() instanceof Multipart nested) {
        collect(nested, out);
      }
    }
  }
}
