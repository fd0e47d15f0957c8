package org.remoteservices.shared.mail;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Mail bodies from Thymeleaf templates in {@code src/main/resources/mail}: {@code <name>.html} (HTML, escaped,
 * links as anchors) and {@code <name>.txt} (the plain-text part). A template engine of its own, so the web
 * layer's view resolution is untouched.
 */
@Component
public class MailTemplates {
  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new SpringTemplateEngine(); // SpEL expressions (plain Thymeleaf would need OGNL)
    engine.setTemplateResolver(resolver);
    return engine;
  }

  /** The plain-text and HTML parts of template {@code name}. */
  public Parts render(String name, Map<String, Object> variables) {
    Context context = new Context(java.util.Locale.ENGLISH, variables);
    return new Parts(text.process(name, context), html.process(name, context));
  }

  /** A mail with both parts from template {@code name}. */
  public OutgoingMail mail(String supportRequestId, java.util.List<String> to, String subject, String name, Map<String, Object> variables,
      Map<String, String> headers) {
    Parts parts = render(name, variables);
    return new OutgoingMail(supportRequestId, to, subject, parts.text(), java.util.List.of(), parts.html(), headers);
  }

  /**
   * A mail from template pair {@code name} ({@code mail/<name>.txt} and {@code mail/<name>.html}, the HTML one in
   * the shared layout {@code mail/layout.html}): the caller passes only values; {@code subject} is added to them.
   */
  public OutgoingMail mail(String supportRequestId, java.util.List<String> to, String subject, String name, Map<String, Object> variables,
      java.util.List<MailAttachment> attachments) {
    Map<String, Object> model = new java.util.HashMap<>(variables);
    model.put("subject", subject);
    Parts parts = render(name, model);
    return new OutgoingMail(supportRequestId, to, subject, parts.text(), attachments, parts.html(), Map.of());
  }

  public record Parts(String text, String html) {}

  private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

  /** One piece of a paragraph: text, or a link (shown as an anchor). */
  public record Segment(String text, boolean link) {}

  /**
   * The HTML part of a plain-text mail: the mail layout ({@code mail/plain.html}) with the text's paragraphs, line
   * breaks kept and every http(s) link an anchor. Everything is escaped by Thymeleaf.
   */
  public String htmlOf(String subject, String body) {
    Context context = new Context(java.util.Locale.ENGLISH, Map.of("subject", subject, "paragraphs", paragraphs(body)));
    return html.process("plain", context);
  }

  /** A plain text's paragraphs (blank-line separated), each as text and link segments, for a template to show. */
  public static java.util.List<java.util.List<Segment>> paragraphs(String body) {
    java.util.List<java.util.List<Segment>> paragraphs = new java.util.ArrayList<>();
    for (String paragraph : body.strip().split("\\R\\s*\\R")) {
      java.util.List<Segment> segments = new java.util.ArrayList<>();
      java.util.regex.Matcher m = LINK.matcher(paragraph);
      int at = 0;
      while (m.find()) {
        String url = m.group();
        while (url.endsWith(".") || url.endsWith(",") || url.endsWith(")")) {
          url = url.substring(0, url.length() - 1);
        }
        if (m.start() > at) {
          segments.add(new Segment(paragraph.substring(at, m.start()), false));
        }
        segments.add(new Segment(url, true));
        at = m.start() + url.length();
      }
      if (at < paragraph.length()) {
        segments.add(new Segment(paragraph.substring(at), false));
      }
      paragraphs.add(segments);
    }
    return paragraphs;
  }
}
