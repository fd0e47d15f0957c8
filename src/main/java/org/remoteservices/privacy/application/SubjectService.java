package org.remoteservices.privacy.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectMatch;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.lookup.LookupKeys;
import org.springframework.stereotype.Service;

/**
 * Who the subject of a privacy request is in our records, asked of every subject-data provider in order (Spring
 * collects them; each later one sees what the earlier ones found). A record belongs to the subject when the
 * provider that owns it says so (a support request: its e-mail matches, or its name and phone both do); a
 * shared job number or location alone never makes someone else's record the subject's. Data points are counted
 * on the subject's own records only.
 */
@Service
public class SubjectService {
  private final List<SubjectDataProvider> providers;

  public SubjectService(List<SubjectDataProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  /** The providers, in order. */
  public List<SubjectDataProvider> providers() {
    return providers;
  }

  /** What every store holds about the subject, and how well the request matched what they hold. */
  public record Subject(List<SubjectRecords> stores, int matchedPoints, String emailOnRecord, List<String> jobNumbers) {
    /** We hold records that identify the subject. */
    public boolean known() {
      return stores.stream().anyMatch(s -> !s.matches().isEmpty());
    }

    public SubjectRecords of(SubjectDataProvider provider) {
      return stores.stream().filter(s -> s.store().equals(provider.store())).findFirst().orElse(SubjectRecords.none(provider.store()));
    }
  }

  public Subject match(PrivacyRequest request) {
    SubjectQuery query = new SubjectQuery(LookupKeys.email(request.email()), LookupKeys.phone(request.phone()), request.name(),
        request.jobNumber(), request.jobLocation());
    List<SubjectRecords> stores = new ArrayList<>();
    Set<String> linkedIds = new LinkedHashSet<>();
    Set<String> linkedEmails = new LinkedHashSet<>();
    List<String> jobs = new ArrayList<>();
    int best = 0;
    String emailOnRecord = null;
    for (SubjectDataProvider provider : providers) {
      SubjectRecords records = provider.find(query.withLinked(linkedIds, linkedEmails));
      stores.add(records);
      linkedIds.addAll(records.recordIds());
      for (SubjectMatch m : records.matches()) {
        if (m.jobNumber() != null && !jobs.contains(m.jobNumber())) {
          jobs.add(m.jobNumber());
        }
        String key = LookupKeys.email(m.emailOnRecord());
        if (key != null) {
          linkedEmails.add(key);
          if (emailOnRecord == null || m.matched().contains(org.remoteservices.privacy.api.DataPoint.EMAIL)) {
            emailOnRecord = m.emailOnRecord();
          }
        }
        best = Math.max(best, m.matched().size());
      }
    }
    return new Subject(List.copyOf(stores), best, emailOnRecord, List.copyOf(jobs));
  }
}
