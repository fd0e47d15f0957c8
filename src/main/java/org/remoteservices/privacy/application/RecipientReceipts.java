package org.remoteservices.privacy.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRecordStore.NoticeReceipt;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts of the Art. 19 notices: each notice mail carries a single-use link ({@code /portal/privacy/receipt/{token}});
 * the recipient's click records the receipt; a notice still unanswered {@link #REMIND_AFTER} after it went out gets one
 * reminder with a fresh link (a daily job, {@code adapter.scheduling.RecipientReceiptReminders}).
 */
@Service
public class RecipientReceipts {
  private static final Logger LOG = LoggerFactory.getLogger(RecipientReceipts.class);
  public static final Duration REMIND_AFTER = Duration.ofDays(7);
  static final Duration LINK_VALIDITY = Duration.ofDays(90);

  private final PrivacyRecordStore records;
  private final PrivacyRequestStore requests;
  private final AccessTokens tokens;
  private final PublicLinks links;
  private final PrivacyMails mails;
  private final TimeSource time;

  public RecipientReceipts(PrivacyRecordStore records, PrivacyRequestStore requests, AccessTokens tokens, PublicLinks links, PrivacyMails mails,
      TimeSource time) {
    this.records = records;
    this.requests = requests;
    this.tokens = tokens;
    this.links = links;
    this.mails = mails;
    this.time = time;
  }

  /** A fresh receipt link for the notice. */
  public String link(String noticeId) {
    return links.link("/portal/privacy/receipt/" + tokens.issue(TokenPurpose.RECIPIENT_RECEIPT, noticeId, time.now().plus(LINK_VALIDITY)));
  }

  public record Receipt(String action, String status) {}

  /** What the receipt page shows: the kind of notice and whether it is confirmed (nothing about the subject). */
  public Receipt view(String token) {
    NoticeReceipt notice = notice(tokens.resolve(TokenPurpose.RECIPIENT_RECEIPT, token));
    return new Receipt(notice.action(), notice.receiptConfirmedAt() == null ? "OPEN" : "CONFIRMED");
  }

  @Transactional
  public Receipt confirm(String token) {
    String noticeId = tokens.resolve(TokenPurpose.RECIPIENT_RECEIPT, token);
    tokens.markUsed(TokenPurpose.RECIPIENT_RECEIPT, token);
    records.markReceiptConfirmed(noticeId);
    NoticeReceipt notice = notice(noticeId);
    LOG.info("privacy notice {} ({}): receipt confirmed", noticeId, notice.action());
    return new Receipt(notice.action(), "CONFIRMED");
  }

  /** One reminder per notice still unanswered a week after it went out; returns how many were reminded. */
  @Transactional
  public int remindUnanswered() {
    List<NoticeReceipt> due = records.unansweredNotices(time.now().minus(REMIND_AFTER));
    for (NoticeReceipt notice : due) {
      PrivacyRequest request = requests.get(notice.privacyRequestId());
      mails.send(request, "recipient-reminder:" + notice.id(), List.of(notice.email()),
          "Reminder: please confirm our privacy notice (" + notice.action().toLowerCase(Locale.ROOT) + ", " + request.reference() + ")",
          "recipient-reminder", PrivacyMails.values("role", notice.role(), "notifiedOn", PrivacyMails.day(notice.notifiedAt()),
              "action", notice.action().toLowerCase(Locale.ROOT), "reference", request.reference(), "link", link(notice.id())),
          List.of());
      records.markReminded(notice.id());
    }
    if (!due.isEmpty()) {
      LOG.info("privacy notices: {} unanswered recipient(s) reminded", due.size());
    }
    return due.size();
  }

  private NoticeReceipt notice(String noticeId) {
    return records.notice(noticeId).orElseThrow(() -> DomainException.notFound("unknown link"));
  }
}
