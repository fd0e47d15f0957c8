package org.remoteservices.communications.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.remoteservices.communications.application.port.CommunicationStore;
import org.remoteservices.communications.domain.Communication;
import org.remoteservices.communications.domain.ContactChoice;
import org.remoteservices.communications.domain.Purpose;
import org.remoteservices.communications.domain.Recipient;
import org.remoteservices.communications.domain.SkipReason;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.privacy.api.ContactPermissions;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.support.api.CaseRequester;
import org.remoteservices.support.api.SupportRequesters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a communication reaches, by purpose: every contact of the jobs (requesters of their support requests, site and
 * scheduling contacts), once per address, minus those the purpose may not reach. Stored as numbered recipient rows
 * (the chunks' input) and counts of the skipped by reason.
 */
@Service
public class RecipientSelection {
  private static final Logger LOG = LoggerFactory.getLogger(RecipientSelection.class);
  static final Set<String> SALES_COUNTRIES = Set.of("US", "CA");

  private final CommunicationStore store;
  private final JobDirectory jobs;
  private final SupportRequesters requesters;
  private final ContactPermissions permissions;
  private final int pageSize;

  public RecipientSelection(CommunicationStore store, JobDirectory jobs, SupportRequesters requesters, ContactPermissions permissions,
      @Value("${rso.communications.selection-page-size:1000}") int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("rso.communications.selection-page-size must be at least 1");
    }
    this.pageSize = pageSize;
    this.store = store;
    this.jobs = jobs;
    this.requesters = requesters;
    this.permissions = permissions;
  }

  private static final class Person {
    final String email;
    final String name;
    String supportRequestId;
    final String jobNumber;

    Person(String email, String name, String supportRequestId, String jobNumber) {
      this.email = email;
      this.name = name;
      this.supportRequestId = supportRequestId;
      this.jobNumber = jobNumber;
    }
  }

  /**
   * Selects (once: a rerun finds the communication past SELECTING) and returns the number of chunks to send. Page by page
   * ({@code rso.communications.selection-page-size}): the jobs' requesters newest request first, then the jobs' site and
   * scheduling contacts, each page checked against the rows already written (the primary key communication + e-mail), so
   * the first time an address comes up decides (for a requester: their newest request) and memory holds one page, however
   * large the population. A person the purpose may not reach gets a SKIPPED marker row (address only) so a later page does
   * not count them again; the markers are removed before the selection's transaction commits.
   */
  @Transactional
  public int select(String communicationId) {
    Communication c = store.find(communicationId).orElseThrow(() -> DomainException.notFound("no communication " + communicationId));
    if (c.status() != Communication.Status.SELECTING) {
      return chunks(communicationId, c.chunkSize());
    }
    Walk walk = new Walk(c);
    Long before = null;
    while (true) {
      List<CaseRequester> page = requesters.newestFirst(before, c.jobNumbers(), pageSize);
      walk.add(page.stream().map(r -> new Person(normal(r.email()), r.name(), r.supportRequestId(), r.jobNumber())).toList());
      if (page.size() < pageSize) {
        break;
      }
      before = page.get(page.size() - 1).position();
    }
    if (c.jobNumbers().isEmpty()) {
      String after = null;
      while (true) {
        List<Job> page = jobs.listAfter(after, pageSize);
        walk.add(contacts(page));
        if (page.size() < pageSize) {
          break;
        }
        after = page.get(page.size() - 1).jobNumber();
      }
    } else {
      for (int from = 0; from < c.jobNumbers().size(); from += pageSize) {
        walk.add(contacts(c.jobNumbers().subList(from, Math.min(c.jobNumbers().size(), from + pageSize)).stream()
            .map(jobs::find).flatMap(Optional::stream).toList()));
      }
    }
    store.deleteSkippedMarkers(communicationId);
    store.addSkips(communicationId, walk.skipped);
    store.updateStatus(communicationId, Communication.Status.SENDING);
    LOG.info("communication {} ({}): {} recipient(s), skipped {}", communicationId, c.purpose(), walk.position, walk.skipped);
    return chunks(communicationId, c.chunkSize());
  }

  private static List<Person> contacts(List<Job> page) {
    List<Person> out = new ArrayList<>();
    for (Job job : page) {
      for (Job.Contact contact : new Job.Contact[] {job.siteContact(), job.schedulingContact()}) {
        if (contact != null && contact.email() != null && !contact.email().isBlank()) {
          out.add(new Person(normal(contact.email()), contact.name(), null, job.jobNumber()));
        }
      }
    }
    return out;
  }

  /** One selection's state: the next position, the skip counts, the next marker position (negative); nothing per person. */
  private final class Walk {
    final Communication c;
    final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    int position;
    int marker = -1;

    Walk(Communication c) {
      this.c = c;
    }

    void add(List<Person> candidates) {
      Map<String, Person> fresh = new LinkedHashMap<>();
      candidates.forEach(p -> fresh.putIfAbsent(p.email, p)); // within the page, the first one decides too
      fresh.keySet().removeAll(store.alreadyIn(c.id(), fresh.keySet()));
      if (fresh.isEmpty()) {
        return;
      }
      Map<String, List<ContactChoice>> choices = c.purpose().needsConsent() ? store.choicesOf(fresh.keySet()) : Map.of();
      List<Recipient> rows = new ArrayList<>(fresh.size());
      for (Person p : fresh.values()) {
        Optional<SkipReason> reason = refusal(c, p, choices.getOrDefault(p.email, List.of()));
        if (reason.isPresent()) {
          skipped.merge(reason.get(), 1, Integer::sum);
          rows.add(new Recipient(c.id(), marker--, p.email, null, null, null, Recipient.Status.SKIPPED));
        } else {
          rows.add(new Recipient(c.id(), position++, p.email, p.name, p.supportRequestId, p.jobNumber, Recipient.Status.PENDING));
        }
      }
      store.addRecipients(c.id(), rows);
    }
  }

  public int chunks(String communicationId, int chunkSize) {
    int n = store.recipientCount(communicationId);
    return (n + chunkSize - 1) / chunkSize;
  }

  /** Why this purpose may not reach this person (the same rules are asked again right before each mail). */
  Optional<SkipReason> refusal(Communication c, Person p, List<ContactChoice> choices) {
    Optional<String> refused = permissions.refusal(p.email, use(c.purpose()));
    if (refused.isPresent()) {
      return Optional.of(SkipReason.valueOf(refused.get()));
    }
    if (c.purpose().needsConsent()) {
      // the newest intake counts: consent given there (and not withdrawn since, see above), or the box left unticked
      Optional<ContactChoice> latest = choices.stream().findFirst();
      if (latest.isEmpty() || !latest.get().marketingConsent()) {
        return Optional.of(SkipReason.NO_CONSENT);
      }
      p.supportRequestId = latest.get().supportRequestId();
      if (p.supportRequestId == null) {
        return Optional.of(SkipReason.NO_CONSENT); // no intake to tie the unsubscribe link to
      }
      if (c.purpose() == Purpose.SALES_CALL) {
        String country = choices.stream().map(ContactChoice::country).filter(x -> x != null).findFirst().orElse(null);
        if (country == null || !SALES_COUNTRIES.contains(country)) {
          return Optional.of(SkipReason.OUTSIDE_US_CA);
        }
      }
    }
    if (c.purpose() == Purpose.NOTICE_CHANGE && store.noticeChangeSent(c.noticeVersion(), p.email, c.id())) {
      return Optional.of(SkipReason.ALREADY_NOTIFIED);
    }
    return Optional.empty();
  }

  static ContactPermissions.Use use(Purpose purpose) {
    return switch (purpose) {
      case SECURITY_NOTICE -> ContactPermissions.Use.SECURITY_NOTICE;
      case SERVICE_UPDATE -> ContactPermissions.Use.SERVICE_INFORMATION;
      case MARKETING -> ContactPermissions.Use.MARKETING;
      case SALES_CALL -> ContactPermissions.Use.SALES_CONTACT;
      case NOTICE_CHANGE -> ContactPermissions.Use.NOTICE_CHANGE;
    };
  }

  static String normal(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
