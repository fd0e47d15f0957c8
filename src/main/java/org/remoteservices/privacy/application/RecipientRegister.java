package org.remoteservices.privacy.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.remoteservices.privacy.api.TransferRegister;
import org.remoteservices.privacy.application.port.RecipientRegisterStore;
import org.remoteservices.privacy.domain.RegisteredRecipient;
import org.remoteservices.shared.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recipient and transfer register (GDPR Art. 13(1)(e)-(f), 15(1)(c), 30(1)(d)-(e)): kept by privacy officers,
 * listed in every access report, and the answer to "tell me who received my data". A transfer to a country outside
 * the EEA, the UK and Switzerland (the United States, India) is refused without its safeguard.
 */
@Service
public class RecipientRegister implements TransferRegister {
  private static final Logger LOG = LoggerFactory.getLogger(RecipientRegister.class);
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

  private final RecipientRegisterStore store;

  public RecipientRegister(RecipientRegisterStore store) {
    this.store = store;
  }

  /** What an officer enters; checked here, every bad field named. */
  public record Entry(String name, String role, String country, List<String> dataCategories, String legalBasis, String transferSafeguard,
      String contactEmail) {}

  public List<RegisteredRecipient> all() {
    return store.all();
  }

  @Override
  public java.util.Optional<TransferRegister.Entry> find(String id) {
    if (id == null || id.isBlank()) {
      return java.util.Optional.empty();
    }
    return store.find(id.strip()).map(r -> new TransferRegister.Entry(r.id(), r.name(), r.role().name(), r.country(), r.transferSafeguard(),
        r.contactEmail(), RegisteredRecipient.needsSafeguard(r.country())));
  }

  @Transactional
  public RegisteredRecipient add(Entry entry) {
    RegisteredRecipient recipient = checked(UUID.randomUUID().toString(), entry);
    store.insert(recipient);
    LOG.info("recipient register: {} ({}, {}) added", recipient.id(), recipient.role(), recipient.country());
    return recipient;
  }

  @Transactional
  public RegisteredRecipient update(String id, Entry entry) {
    store.find(id).orElseThrow(() -> DomainException.notFound("no recipient " + id + " in the register"));
    RegisteredRecipient recipient = checked(id, entry);
    store.update(recipient);
    return recipient;
  }

  @Transactional
  public void remove(String id) {
    if (!store.delete(id)) {
      throw DomainException.notFound("no recipient " + id + " in the register");
    }
  }

  private static RegisteredRecipient checked(String id, Entry e) {
    List<String> problems = new ArrayList<>();
    String name = text(e.name(), 200, "name", problems);
    RegisteredRecipient.Role role = null;
    if (e.role() == null || Arrays.stream(RegisteredRecipient.Role.values()).noneMatch(r -> r.name().equals(e.role().strip()))) {
      problems.add("role: must be one of PROCESSOR, CONTRACTOR, RECIPIENT");
    } else {
      role = RegisteredRecipient.Role.valueOf(e.role().strip());
    }
    String country = e.country() == null ? null : e.country().strip().toUpperCase(Locale.ROOT);
    if (country == null || !COUNTRIES.contains(country)) {
      problems.add("country: must be an ISO 3166 two-letter country code (US, IN, DE, ...)");
      country = null;
    }
    List<String> categories = e.dataCategories() == null ? List.of()
        : e.dataCategories().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
    if (categories.isEmpty() || categories.size() > 20 || categories.stream().anyMatch(c -> c.length() > 100)) {
      problems.add("dataCategories: list the categories of personal data it receives (1 to 20, each at most 100 characters)");
    }
    String legalBasis = text(e.legalBasis(), 500, "legalBasis", problems);
    String safeguard = e.transferSafeguard() == null || e.transferSafeguard().isBlank() ? null : e.transferSafeguard().strip();
    if (safeguard != null && safeguard.length() > 500) {
      problems.add("transferSafeguard: at most 500 characters");
    }
    if (country != null && RegisteredRecipient.needsSafeguard(country) && safeguard == null) {
      problems.add("transferSafeguard: a transfer to " + country + " (outside the EEA, the UK and Switzerland) needs its safeguard, "
          + "e.g. the EU standard contractual clauses (Art. 46(2)(c))");
    }
    String contact = text(e.contactEmail(), 254, "contactEmail", problems);
    if (contact != null && !contact.matches(EMAIL)) {
      problems.add("contactEmail: must be an email address");
    }
    if (!problems.isEmpty()) {
      throw DomainException.rejected(problems.stream().collect(Collectors.joining("; ")));
    }
    return new RegisteredRecipient(id, name, role, country, categories, legalBasis, safeguard, contact.toLowerCase(Locale.ROOT));
  }

  private static String text(String value, int max, String field, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(field + ": is required");
      return null;
    }
    if (value.strip().length() > max) {
      problems.add(field + ": at most " + max + " characters");
      return null;
    }
    return value.strip();
  }
}
