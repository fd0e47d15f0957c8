package org.remoteservices.testsupport;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading back what GreenMail received: recipients, subject, body, attachments, PDF text. */
public final class Mails {
  private Mails() {}

  public record Attachment(String fileName, String contentType, byte[] content) {
    public String pdfText() {
      return Mails.pdfText(content);
    }
  }

  public record Mail(List<String> to, String subject, String body, List<Attachment> attachments) {
    public Attachment attachment(String fileNameSuffix) {
      return attachments.stream().filter(a -> a.fileName().endsWith(fileNameSuffix)).findFirst()
          .orElseThrow(() -> new AssertionError("no attachment *" + fileNameSuffix + " in '" + subject + "'"));
    }

    /** The token of a portal link in the body, e.g. link("/portal/rssv/"). */
    public String linkToken(String pathPrefix) {
      Matcher m = Pattern.compile(Pattern.quote(pathPrefix) + "([A-Za-z0-9_-]+)").matcher(body);
      if (!m.find()) {
        throw new AssertionError("no link " + pathPrefix + " in '" + subject + "'");
      }
      return m.group(1);
    }
  }

  /** One entry per distinct message (GreenMail keeps a copy per recipient). */
  public static List<Mail> read(MimeMessage[] received) {
    List<Mail> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    try {
      for (MimeMessage m : received) {
        if (m.getMessageID() != null && seen.contains(m.getMessageID())) {
          continue;
        }
        seen.add(m.getMessageID());
        List<String> to = Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        String body = "";
        List<Attachment> attachments = new ArrayList<>();
        Object content = m.getContent();
        if (content instanceof Multipart mp) {
          body = collect(mp, attachments);
        } else {
          body = content.toString();
        }
        out.add(new Mail(to, m.getSubject(), body, attachments));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static String collect(Multipart mp, List<Attachment> attachments) throws Exception {
    String body = "";
    for (int i = 0; i < mp.getCount(); i++) {
      BodyPart part = mp.getBodyPart(i);
      if (part.getFileName() != null) {
        attachments.add(new Attachment(part.getFileName(), part.getContentType().split(";")[0].trim(), part.getInputStream().readAllBytes()));
      } else if (part.getContent() instanceof Multipart nested) {
        String nestedBody = collect(nested, attachments);
        body = body.isEmpty() ? nestedBody : body;
      } else if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        body = part.getContent().toString();
      }
    }
    return body;
  }

  public static String pdfText(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
