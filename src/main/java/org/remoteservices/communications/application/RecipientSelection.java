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
  static final int PAGE = 1000;
  static final Set<String> SALES_COUNTRIES = Set.of("US", "CA");

  private final CommunicationStore store;
  private final JobDirectory jobs;
  private final SupportRequesters requesters;
  private final ContactPermissions permissions;

  public RecipientSelection(CommunicationStore store, JobDirectory jobs, SupportRequesters requesters, ContactPermissions permissions) {
    this.store = store;
    this.jobs = jobs;
    this.requesters = requesters;
    this.permissions = permissions;
  }

  private static final class Person {
    final String email;
    String name;
    String supportRequestId;
    String jobNumber;

    Person(String email) {
      this.email = email;
    }
  }

  /** Selects (once: a rerun finds the rows already there) and returns the number of chunks to send. */
  @Transactional
  public int select(String communicationId) {
    Communication c = store.find(communicationId).orElseThrow(() -> DomainException.notFound("no communication " + communicationId));
    if (c.status() != Communication.Status.SELECTING) {
      return chunks(communicationId, c.chunkSize());
    }
    Set<String> wanted = Set.copyOf(c.jobNumbers());
    Map<String, Person> people = new LinkedHashMap<>();
    for (int offset = 0; ; offset += PAGE) {
      List<CaseRequester> page = requesters.list(offset, PAGE);
      for (CaseRequester r : page) {
        if (wanted.isEmpty() || wanted.contains(r.jobNumber())) {
          Person p = people.computeIfAbsent(normal(r.email()), Person::new);
          p.name = r.name();
          p.supportRequestId = r.supportRequestId(); // the newest request: oldest first, so the last one wins
          p.jobNumber = r.jobNumber();
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    for (int offset = 0; ; offset += PAGE) {
      List<Job> page = jobs.list(offset, PAGE);
      for (Job job : page) {
        if (wanted.isEmpty() || wanted.contains(job.jobNumber())) {
          for (Job.Contact contact : new Job.Contact[] {job.siteContact(), job.schedulingContact()}) {
            if (contact != null && contact.email() != null && !contact.email().isBlank()) {
              Person p = people.computeIfAbsent(normal(contact.email()), Person::new);
              if (p.name == null) {
                p.name = contact.name();
                p.jobNumber = job.jobNumber();
              }
            }
          }
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    List<Recipient> batch = new ArrayList<>();
    int position = 0;
    List<Person> all = new ArrayList<>(people.values());
    for (int from = 0; from < all.size(); from += PAGE) {
      List<Person> slice = all.subList(from, Math.min(all.size(), from + PAGE));
      Map<String, List<ContactChoice>> choices = c.purpose().needsConsent()
          ? store.choicesOf(slice.stream().map(p -> p.email).toList()) : Map.of();
      for (Person p : slice) {
        Optional<SkipReason> reason = refusal(c, p, choices.getOrDefault(p.email, List.of()));
        if (reason.isPresent()) {
          skipped.merge(reason.get(), 1, Integer::sum);
          continue;
        }
        batch.add(new Recipient(communicationId, position++, p.email, p.name, p.supportRequestId, p.jobNumber, Recipient.Status.PENDING));
      }
      store.addRecipients(communicationId, position - batch.size(), batch);
      batch.clear();
    }
    store.addSkips(communicationId, skipped);
    store.updateStatus(communicationId, Communication.Status.SENDING);
    LOG.info("communication {} ({}): {} recipient(s), skipped {}", communicationId, c.purpose(), position, skipped);
    return chunks(communicationId, c.chunkSize());
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
