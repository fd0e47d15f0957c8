package org.remoteservices.privacy.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRecordStore.Notice;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import java.util.HashSet;
import java.util.Set;
import org.remoteservices.privacy.api.Recipient;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR Art. 19: a rectification, erasure or restriction is communicated to each recipient the subject's data
 * went to: the site and scheduling contacts of every job that received a work order, and the configured
 * processors and contractors. Each notice is a row (who, when); the mails name cases, never the subject.
 */
@Service
public class RecipientNoticeService {
  private final PrivacyRequestStore requests;
  private final PrivacyRecordStore records;
  private final SubjectService subjects;
  private final PrivacyMails mails;
  private final PrivacyPolicy policy;

  private final RecipientReceipts receipts;

  public RecipientNoticeService(PrivacyRequestStore requests, PrivacyRecordStore records, SubjectService subjects, PrivacyMails mails,
      PrivacyPolicy policy, RecipientReceipts receipts) {
    this.receipts = receipts;
    this.requests = requests;
    this.records = records;
    this.subjects = subjects;
    this.mails = mails;
    this.policy = policy;
  }

  @Transactional
  public int notifyRecipients(String id, PrivacyRight right) {
    PrivacyRequest request = requests.get(id);
    if (requests.rightOutcomes(id).stream().anyMatch(o -> o.right() == right && MeritsDecisions.REFUSED.equals(o.status()))) {
      return 0; // refused on the merits (a rectification not accepted): nothing changed, nobody to tell
    }
    SubjectService.Subject subject = subjects.match(request);
    String action = right.name();
    List<Notice> notices = records.notices(id).stream().filter(n -> n.action().equals(action)).toList();
    if (notices.isEmpty()) {
      List<String[]> recipients = new ArrayList<>();
      Set<String> addresses = new HashSet<>();
      for (SubjectDataProvider provider : subjects.providers()) {
        for (Recipient r : provider.recipients(subject.of(provider))) {
          // one notice per address and record set: the site and scheduling contact are often one person
          if (addresses.add(r.email().toLowerCase(Locale.ROOT) + "|" + r.role().replaceFirst("^\\S+ contact ", ""))) {
            recipients.add(new String[] {r.role(), r.email()});
          }
        }
      }
      if (subject.known()) {
        policy.recipients().forEach(r -> recipients.add(new String[] {r.name(), r.email()}));
      }
      for (String[] r : recipients) {
        records.insertNotice(UUID.randomUUID().toString(), id, action, r[0], r[1]);
      }
      notices = records.notices(id).stream().filter(n -> n.action().equals(action)).toList();
    }
    List<String> references = new ArrayList<>();
    subjects.providers().forEach(p -> references.addAll(p.references(subject.of(p))));
    String cases = String.join(", ", references);
    String what = switch (right) {
      case ERASURE -> "erasure of their personal data. Please erase the requester's personal data (name, email address, phone number) "
          + "from every copy you hold of these cases, including the work orders we sent you";
      case RECTIFICATION -> "rectification of their personal data. Please update the requester's contact details in every copy you hold "
          + "of these cases; contact us for the corrected details";
      case RESTRICTION -> "restriction of processing. Please keep the requester's personal data in these cases stored only, and "
          + "do not use it for anything else until we tell you the restriction is lifted";
      default -> throw new IllegalArgumentException(right + " is not communicated to recipients");
    };
    for (Notice notice : notices) {
      if (notice.notifiedAt() != null) {
        continue;
      }
      mails.send(request, "recipient:" + action.toLowerCase(Locale.ROOT) + ":" + notice.id(), List.of(notice.email()),
          "Privacy request: " + right.name().toLowerCase(Locale.ROOT) + " for remote support case(s) " + cases,
          "recipient-notice", PrivacyMails.values("role", notice.role(), "cases", cases, "what", what, "link", receipts.link(notice.id())),
          List.of());
      records.markNotified(notice.id());
    }
    return notices.size();
  }
}
