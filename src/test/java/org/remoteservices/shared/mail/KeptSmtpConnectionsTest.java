package org.remoteservices.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** With SMTP connections kept for the next send ({@code rso.mail.smtp.pool-size}), a kept connection the server dropped is not used. */
@TestPropertySource(properties = "rso.mail.smtp.pool-size=2")
class KeptSmtpConnectionsTest extends IntegrationTest {
  @Autowired MailOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void smtpBackUp() {
    TestMailServer.restart();
  }

  @Test
  void aConnectionKeptFromAnEarlierSendThatTheServerDropped_isReplaced_theNextMailLeavesAtOnceWithoutAFailure() {
    String to = "kept-" + UUID.randomUUID() + "@example.org";
    send("test-kept-1:" + to, to, "First");
    assertThat(inbox(to)).containsExactly("First");
    // the server restarts (a restart, a failover, an idle timeout): the connection kept from the first send is dead
    TestMailServer.restart();
    String second = "test-kept-2:" + to;
    send(second, to, "Second");
    assertThat(inbox(to)).containsExactly("Second"); // a restarted GreenMail has forgotten the first
    assertThat(outbox.wasSent(second)).isTrue();
    assertThat(jdbc.sql("select attempts from mail_record where idempotency_key = ?").param(second).query(Integer.class).single()).isZero();
    // and a kept connection that is alive carries the next mail
    send("test-kept-3:" + to, to, "Third");
    assertThat(inbox(to)).containsExactly("Second", "Third");
  }

  private void send(String key, String to, String subject) {
    new TransactionTemplate(transactions).executeWithoutResult(status ->
        outbox.deliverOnce(key, () -> new OutgoingMail(null, List.of(to), subject, "Nothing secret here.", List.of())));
  }

  private static List<String> inbox(String address) {
    return Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(address)).map(Mails.Mail::subject).toList();
  }
}
