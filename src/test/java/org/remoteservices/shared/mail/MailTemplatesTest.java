package org.remoteservices.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.application.PrivacyMails;

/** Every mail comes from a template pair: the plain text as it always read, the HTML in the layout, links as anchors. */
class MailTemplatesTest {
  private static final String TOKEN = "A".repeat(43);
  private static final String LINK = "http://portal.test/portal/rssv/" + TOKEN;
  private final MailTemplates templates = new MailTemplates();

  @Test
  void everyTemplateHasATextAndAnHtmlPart() throws IOException {
    Path dir = Path.of("src/main/resources/mail");
    Set<String> text = new TreeSet<>();
    Set<String> html = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).forEach(n -> {
        if (n.endsWith(".txt")) {
          text.add(n.substring(0, n.length() - 4));
        } else if (n.endsWith(".html") && !n.equals("layout.html") && !n.equals("plain.html")) {
          html.add(n.substring(0, n.length() - 5));
        }
      });
    }
    assertThat(text).isEqualTo(html).contains("rssv-form", "rssv-reminder", "rssv-rejection", "rssv-expired", "session-invitation",
        "work-order", "survey", "recording-deletion", "communication", "warranty-reminder", "task-waiting",
        "privacy/acknowledgement", "privacy/more-information", "privacy/confirm-at-record", "privacy/email-change", "privacy/download-code",
        "privacy/download-link", "privacy/final-response", "privacy/answered-at-record", "privacy/extension", "privacy/denial",
        "privacy/objection-overruled", "privacy/restriction-lift-notice", "privacy/recipient-notice", "privacy/recipient-reminder");
  }

  @Test
  void theRssvFormReadsAsBeforeAndItsHtmlPartLinksTheReturnPage() {
    OutgoingMail mail = templates.mail("sr-1", List.of("anna@example.com"), "Please sign (case C-1)", "rssv-form",
        Map.of("name", "Anna <b>Doe</b>", "jobNumber", "J-1", "jobName", "Line 1", "caseNumber", "C-1", "link", LINK, "validUntil", "3 May 2026"),
        List.of());
    assertThat(mail.body()).isEqualTo("""
        Hello Anna <b>Doe</b>,

        thank you for your remote support request for job J-1 (Line 1), case C-1.

        Before any remote session can start, please sign the attached Remote Session Security Verification (RSSV) form
        and return it: upload the signed PDF or sign online at

          %s

        The link is valid until 3 May 2026. The session will be recorded (video only, no audio); the recording is destroyed
        after 180 days.

        Remote Services
        """.formatted(LINK));
    assertThat(mail.html())
        .contains("<title>Please sign (case C-1)</title>")
        .contains("<a href=\"" + LINK + "\">" + LINK + "</a>")
        .contains("Hello Anna &lt;b&gt;Doe&lt;/b&gt;,") // values are escaped, never markup
        .contains("<p>Remote Services</p>")
        .doesNotContain("<b>Doe");
    assertThat(mail.supportRequestId()).isEqualTo("sr-1");
  }

  @Test
  void eachSupportMailHasItsLinkAsAnAnchor() {
    Map<String, Map<String, Object>> models = Map.of(
        "rssv-reminder", Map.of("name", "Anna", "caseNumber", "C-1", "validUntil", "3 May 2026", "link", LINK),
        "rssv-rejection", Map.of("name", "Anna", "caseNumber", "C-1", "reason", "not signed", "validUntil", "3 May 2026", "link", LINK),
        "survey", Map.of("name", "Anna", "caseNumber", "C-1", "jobName", "Line 1", "link", LINK, "validUntil", "3 May 2026"));
    models.forEach((name, model) -> {
      OutgoingMail mail = templates.mail(null, List.of("anna@example.com"), "s", name, model, List.of());
      assertThat(mail.body()).as(name).contains(LINK).startsWith("Hello Anna,\n\n").endsWith("\nRemote Services\n");
      assertThat(mail.html()).as(name).contains("<a href=\"" + LINK + "\">" + LINK + "</a>").contains("<p>Remote Services</p>");
    });
  }

  @Test
  void theMailsWithoutLinksRenderTheirValues() {
    OutgoingMail invitation = templates.mail(null, List.of("a@example.com"), "s", "session-invitation",
        Map.of("jobNumber", "J-1", "jobName", "Line 1", "caseNumber", "C-1", "start", "3 May 2026 10:00", "minutes", 60), List.of());
    assertThat(invitation.body()).contains("a remote support session for job J-1 (Line 1), case C-1, is scheduled for 3 May 2026 10:00 (about 60 minutes).\n");
    assertThat(invitation.html()).contains("(about 60 minutes)");
    OutgoingMail workOrder = templates.mail(null, List.of("a@example.com"), "s", "work-order",
        Map.of("siteContactName", "Sam", "schedulingContactName", "Pat", "jobNumber", "J-1", "jobName", "Line 1", "caseNumber", "C-1"), List.of());
    assertThat(workOrder.body()).startsWith("Hello Sam and Pat,\n\nthe remote support work for job J-1 (Line 1), case C-1, is documented");
    OutgoingMail deletion = templates.mail(null, List.of("a@example.com"), "s", "recording-deletion",
        Map.of("caseNumber", "C-1", "jobNumber", "J-1", "destroyAfter", "3 May 2026", "externalRef", "rec-9", "recordingShortId", "12345678"), List.of());
    assertThat(deletion.body()).contains("reference rec-9.").contains("\"Delete recording 12345678 of case C-1 on the recording server\".");
    assertThat(deletion.html()).contains("Delete recording 12345678 of case C-1 on the recording server");
  }

  @Test
  void aPrivacyMailWithALinkReadsAsTheComposedTextDid_signedAndWithTheLinkAnAnchor() {
    OutgoingMail mail = PrivacyMails.fromTemplate(List.of("anna@example.com"), "Ready (PR-1)", "download-link",
        PrivacyMails.values("greeting", "Hello Anna,", "what", "A copy of your personal data", "link", LINK, "until", "3 May 2026"), List.of());
    assertThat(mail.body()).isEqualTo("Hello Anna,\n\nA copy of your personal data is ready for you:\n\n  " + LINK
        + "\n\nThe link works once, until 3 May 2026. It asks for the code we sent you in a separate mail.\n\nRemote Services · Data Privacy\n");
    assertThat(mail.html()).contains("<a href=\"" + LINK + "\">" + LINK + "</a>").contains("<p>Remote Services · Data Privacy</p>");
  }

  @Test
  void aPrivacyMailLeavesOutWhatIsNull_andNamesTheAgentWhenThereIsOne() {
    Map<String, Object> values = PrivacyMails.values("greeting", "Hello Anna,", "reference", "PR-1", "agentPermissionLink", null, "deadline", "3 May 2026");
    OutgoingMail withoutAgent = PrivacyMails.fromTemplate(List.of("anna@example.com"), "s", "more-information", values, List.of());
    assertThat(withoutAgent.body()).doesNotContain("agent").contains("confirmed there.\n\nIf the request cannot be confirmed by 3 May 2026,");
    values.put("agentPermissionLink", LINK);
    OutgoingMail withAgent = PrivacyMails.fromTemplate(List.of("anna@example.com"), "s", "more-information", values, List.of());
    assertThat(withAgent.body()).contains("confirmed there.\n\nAs the person's agent, please upload their signed permission for you to act for them (PDF): "
        + LINK + "\n\nIf the request cannot be confirmed by 3 May 2026,");
    assertThat(withAgent.html()).contains("<a href=\"" + LINK + "\">");

    OutgoingMail confirm = PrivacyMails.fromTemplate(List.of("anna@example.com"), "s", "confirm-at-record",
        PrivacyMails.values("agent", "Bea Agent", "reference", "PR-1", "rights", "access", "confirmLink", LINK, "declarationLink", null), List.of());
    assertThat(confirm.body()).startsWith("Hello,\n\nBea Agent says they act for you in a privacy request to Remote Services (PR-1): access.\n\n"
        + "If that was you who asked them, confirm it here:\n\n  " + LINK + "\n\nIf it was not you, ignore this mail");
  }

  @Test
  void theStoredHtmlPartIsRedactedLikeTheText() {
    OutgoingMail code = PrivacyMails.fromTemplate(List.of("anna@example.com"), "Code", "download-code",
        PrivacyMails.values("greeting", "Hello,", "what", "a copy", "reference", "PR-1", "codePrefix", MailRedaction.CODE_PREFIX, "code", "XK4-99Q"),
        List.of());
    OutgoingMail link = PrivacyMails.fromTemplate(List.of("anna@example.com"), "Link", "download-link",
        PrivacyMails.values("greeting", "Hello,", "what", "A copy", "link", LINK, "until", "3 May 2026"), List.of());
    assertThat(code.body()).contains(MailRedaction.CODE_PREFIX + "XK4-99Q");
    assertThat(MailRedaction.redact(code.html())).doesNotContain("XK4-99Q").contains(MailRedaction.CODE_PREFIX + MailRedaction.REMOVED + "</strong>");
    assertThat(MailRedaction.redact(code.body())).doesNotContain("XK4-99Q");
    assertThat(MailRedaction.redact(link.html())).doesNotContain(TOKEN).contains("/portal/rssv/" + MailRedaction.REMOVED);
    assertThat(MailRedaction.redact(link.body())).doesNotContain(TOKEN);
  }

  @Test
  void privacyMailsHaveTemplatesOfTheirOwnThatReadAsTheComposedTextDidAndLinkTheAuthority() {
    String authority = "You may lodge a complaint: list at https://edpb.europa.eu/members_en, in the UK the ICO (ico.org.uk).";
    Map<String, Object> values = new java.util.HashMap<>(Map.of("greeting", "Hello Anna <b>Doe</b>,", "received", "1 May 2026",
        "done", List.of("Access: report sent", "Erasure: done"), "kept", List.of(), "told", List.of("processor <p@example.com>, erasure"),
        "authority", authority, "signature", "Remote Services · Data Privacy"));
    values.put("authoritySegments", MailTemplates.paragraphs(authority).get(0));
    OutgoingMail mail = templates.mail(null, List.of("anna@example.com"), "Your privacy request has been answered (PR-1)",
        "privacy/final-response", values, List.of());
    assertThat(mail.body()).isEqualTo("""
        Hello Anna <b>Doe</b>,

        this is our answer to your privacy request of 1 May 2026.

        What we did:
        - Access: report sent
        - Erasure: done

        Who we told (recipients of your data):
        - processor <p@example.com>, erasure

        %s

        Remote Services · Data Privacy
        """.formatted(authority));
    assertThat(mail.html()).contains("Hello Anna &lt;b&gt;Doe&lt;/b&gt;,").contains("<li>Erasure: done</li>")
        .contains("<a href=\"https://edpb.europa.eu/members_en\">").doesNotContain("What we keep");

    OutgoingMail ack = templates.mail(null, List.of("anna@example.com"), "We received your privacy request (PR-1)", "privacy/acknowledgement",
        Map.of("greeting", "Hello Anna,", "received", "1 May 2026", "rights", "access", "verification", "We confirm it first.",
            "due", "31 May 2026", "signature", "Remote Services · Data Privacy"), List.of());
    assertThat(ack.body()).isEqualTo("""
        Hello Anna,

        we received your privacy request on 1 May 2026: access.
        We confirm it first.

        We will answer by 31 May 2026 at the latest. You will not receive a different level of service because you made a request.

        Remote Services · Data Privacy
        """);
  }

  @Test
  void everyPrivacyTemplateHasBothParts() throws Exception {
    Path dir = Path.of("src/main/resources/mail/privacy");
    Set<String> text = new TreeSet<>();
    Set<String> html = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).forEach(n -> (n.endsWith(".txt") ? text : html).add(n.replaceAll("\\.(txt|html)$", "")));
    }
    assertThat(text).isEqualTo(html).contains("acknowledgement", "final-response", "answered-at-record", "extension", "denial",
        "objection-overruled", "restriction-lift-notice");
  }
}
