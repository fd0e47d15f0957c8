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

  public record Parts(String text, String html) {}
}
