package org.remoteservices.shared.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The built-in mail catcher, for the demo and local work only: switched on explicitly
 * ({@code rso.mail-catcher.enabled=true}, which the demo profile sets) and only while no SMTP server is configured
 * ({@code spring.mail.host} unset), an embedded GreenMail SMTP server is started and every mail the processes send
 * lands there, readable on the operators' mail-catcher page. It never starts by itself because a host is missing:
 * without either the application refuses to start ({@link MailOutbox}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${rso.mail-catcher.enabled:false} and '${spring.mail.host:}'.isEmpty()")
public class MailCatcherConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(MailCatcherConfiguration.class);

  @Bean(initMethod = "start", destroyMethod = "stop")
  public GreenMail mailCatcher(@Value("${rso.mail-catcher.smtp-port}") int port) {
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    LOG.info("no SMTP server configured (spring.mail.host): mails go to the built-in mail catcher on 127.0.0.1:{}, "
        + "listed at /mail-catcher", port);
    return greenMail;
  }

  @Bean
  public JavaMailSender mailCatcherSender(GreenMail mailCatcher, @Value("${rso.mail-catcher.smtp-port}") int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Properties props = sender.getJavaMailProperties();
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "10000");
    return sender;
  }
}
