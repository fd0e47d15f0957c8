package org.remoteservices.privacy.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.remoteservices.privacy.adapter.db.PrivacyRecordsRepository;
import org.remoteservices.privacy.adapter.db.PrivacyRecordsRepository.Notice;
import org.remoteservices.privacy.adapter.db.PrivacyRequestRepository;
import org.remoteservices.privacy.adapter.db.SubjectRecordsRepository;
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
  private final PrivacyRequestRepository requests;
  private final PrivacyRecordsRepository records;
  private final SubjectRecordsRepository subjectRecords;
  private final SubjectService subjects;
  private final PrivacyMails mails;
  private final PrivacyPolicy policy;

  public RecipientNoticeService(PrivacyRequestRepository requests, PrivacyRecordsRepository records, SubjectRecordsRepository subjectRecords,
      SubjectService subjects, PrivacyMails mails, PrivacyPolicy policy) {
    this.requests = requests;
    this.records = records;
    this.subjectRecords = subjectRecords;
    this.subjects = subjects;
    this.mails = mails;
    this.policy = policy;
  }

  @Transactional
  public int notifyRecipients(String id, PrivacyRight right) {
    PrivacyRequest request = requests.get(id);
    SubjectService.Match match = subjects.match(request);
    String action = right.name();
    List<Notice> notices = records.notices(id).stream().filter(n -> n.action().equals(action)).toList();
    if (notices.isEmpty()) {
      List<String[]> recipients = new ArrayList<>();
      for (SubjectRecordsRepository.JobRecipients job : subjectRecords.workOrderRecipients(match.supportRequestIds())) {
        recipients.add(new String[] {"Site contact of job " + job.jobNumber(), job.siteEmail()});
        if (!job.schedulingEmail().equalsIgnoreCase(job.siteEmail())) {
          recipients.add(new String[] {"Scheduling contact of job " + job.jobNumber(), job.schedulingEmail()});
        }
      }
      if (!match.supportRequestIds().isEmpty()) {
        policy.recipients().forEach(r -> recipients.add(new String[] {r.name(), r.email()}));
      }
      for (String[] r : recipients) {
        records.insertNotice(UUID.randomUUID().toString(), id, action, r[0], r[1]);
      }
      notices = records.notices(id).stream().filter(n -> n.action().equals(action)).toList();
    }
    String cases = String.join(", ", subjectRecords.caseNumbers(match.supportRequestIds()));
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
          """
          Hello (%s),

          the requester of remote support case(s) %s has exercised their right to %s.

          We tell you because you received personal data of these cases from us (GDPR Art. 19). Please reply to confirm.""".formatted(
              notice.role(), cases, what),
          List.of());
      records.markNotified(notice.id());
    }
    return notices.size();
  }
}
