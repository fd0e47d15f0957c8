package org.remoteservices.privacy.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.remoteservices.privacy.adapter.db.SubjectRecordsRepository;
import org.remoteservices.privacy.adapter.db.SubjectRecordsRepository.Candidate;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.lookup.LookupKeys;
import org.springframework.stereotype.Service;

/**
 * Who the subject of a privacy request is in our records. A support request belongs to the subject when its
 * email matches, or its name and phone both match; a shared job number or location alone never makes
 * someone else's request the subject's. Data points are counted on the subject's own requests only.
 */
@Service
public class SubjectService {
  private final SubjectRecordsRepository records;

  public SubjectService(SubjectRecordsRepository records) {
    this.records = records;
  }

  public record Match(List<String> supportRequestIds, int matchedPoints, String emailOnRecord, List<String> jobNumbers) {
    public boolean known() {
      return !supportRequestIds.isEmpty();
    }
  }

  public Match match(PrivacyRequest request) {
    List<String> ids = new ArrayList<>();
    List<String> jobs = new ArrayList<>();
    int best = 0;
    String emailOnRecord = null;
    for (Candidate c : records.candidates(request.email(), request.phone())) {
      boolean email = sameKey(LookupKeys.email(c.email()), LookupKeys.email(request.email()));
      boolean name = sameName(c.name(), request.name());
      boolean phone = sameKey(LookupKeys.phone(c.phone()), LookupKeys.phone(request.phone()));
      if (!(email || (name && phone))) {
        continue;
      }
      ids.add(c.supportRequestId());
      if (!jobs.contains(c.jobNumber())) {
        jobs.add(c.jobNumber());
      }
      if (emailOnRecord == null || email) {
        emailOnRecord = c.email();
      }
      int points = (email ? 1 : 0) + (name ? 1 : 0) + (phone ? 1 : 0)
          + (request.jobNumber() != null && c.jobNumber().equalsIgnoreCase(request.jobNumber().strip()) ? 1 : 0)
          + (request.jobLocation() != null && sameName(c.jobLocation(), request.jobLocation()) ? 1 : 0);
      best = Math.max(best, points);
    }
    return new Match(ids, best, emailOnRecord, jobs);
  }

  /** E-mail and phone compare by the keys the candidates were looked up with (LookupKeys), so the two always agree. */
  private static boolean sameKey(String a, String b) {
    return a != null && a.equals(b);
  }

  /** Names and addresses compare without case, punctuation or repeated spaces. */
  private static boolean sameName(String a, String b) {
    return a != null && b != null && simplify(a).equals(simplify(b)) && !simplify(a).isEmpty();
  }

  private static String simplify(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
