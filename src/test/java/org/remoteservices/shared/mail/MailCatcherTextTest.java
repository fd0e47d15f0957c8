package org.remoteservices.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The demo's mail catcher shows a mail's text: the outbox composes text and HTML with MimeMessageHelper in multipart
 * mode (mixed around related around alternative), and the text part is three levels down. It showed an empty body
 * for every mail since mails got their HTML part.
 */
class MailCatcherTextTest {
  @Test
  void theTextOfAMailWithAnHtmlPartAndAnAttachmentIsFound() throws Exception {
    MimeMessage composed = new MimeMessage(Session.getInstance(new Properties()));
    MimeMessageHelper helper = new MimeMessageHelper(composed, true, "UTF-8");
    helper.setFrom("from@example.com");
    helper.setTo("to@example.org");
    helper.setSubject("Both parts");
    helper.setText("Open http://portal.test/portal/rssv/abc please.", "<p>Open <a href=\"http://portal.test/portal/rssv/abc\">it</a></p>");
    helper.addAttachment("form.pdf", new ByteArrayResource("%PDF-1.4".getBytes()), "application/pdf");
    composed.saveChanges();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    composed.writeTo(wire);
    MimeMessage received = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire.toByteArray()));

    assertThat(MailCatcherController.text(received)).isEqualTo("Open http://portal.test/portal/rssv/abc please.");
    assertThat(MailCatcherController.attachments(received)).hasSize(1);
  }
}
