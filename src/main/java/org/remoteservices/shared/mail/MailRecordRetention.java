package org.remoteservices.shared.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.remoteservices.shared.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails on record have a retention period ({@code rso.mail.record-retention}, three years by default): a nightly
 * clean-up deletes delivered mails older than that, with their recipient and attachment rows (the attached files
 * belong to their cases and follow the cases' own retention).
 */
@Component
public class MailRecordRetention {
  private static final Logger LOG = LoggerFactory.getLogger(MailRecordRetention.class);

  private final JdbcClient jdbc;
  private final MailRecords records;
  private final TimeSource time;
  private final Duration retention;

  public MailRecordRetention(JdbcClient jdbc, MailRecords records, TimeSource time, @Value("${rso.mail.record-retention}") Duration retention) {
    this.jdbc = jdbc;
    this.records = records;
    this.time = time;
    this.retention = retention;
  }

  @Scheduled(cron = "${rso.mail.record-cleanup-cron}")
  @Transactional
  public int deleteExpired() {
    List<String> expired = jdbc.sql("select id from mail_record where status = 'SENT' and sent_at < ?")
        .param(Timestamp.from(time.now().minus(retention))).query(String.class).list();
    int deleted = records.delete(expired);
    if (deleted > 0) {
      LOG.info("deleted {} mail(s) on record older than {}", deleted, retention);
    }
    return deleted;
  }
}
