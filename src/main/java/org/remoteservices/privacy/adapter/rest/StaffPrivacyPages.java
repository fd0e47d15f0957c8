package org.remoteservices.privacy.adapter.rest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.remoteservices.privacy.adapter.db.PrivacyCaseViews;
import org.remoteservices.privacy.api.DataPoint;
import org.remoteservices.privacy.api.SubjectMatch;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.remoteservices.privacy.application.SubjectService;
import org.remoteservices.privacy.application.VerificationService;
import org.remoteservices.privacy.application.port.PrivacyHistoryPort;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.shared.web.StaffFormat;
import org.remoteservices.shared.web.StaffSearch;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy officers' pages: the request list, and a case page per request with who asks and on whose behalf, which
 * data points matched our records and which did not, evidence, deadlines, what became of each right and the history
 * of its process. Every privacy task links here.
 */
@Controller
public class StaffPrivacyPages {
  static final int LIMIT = 200;

  private final PrivacyCaseViews views;
  private final PrivacyRequestService requests;
  private final PrivacyRequestStore store;
  private final SubjectService subjects;
  private final VerificationService verification;
  private final PrivacyHistoryPort history;

  public StaffPrivacyPages(PrivacyCaseViews views, PrivacyRequestService requests, PrivacyRequestStore store, SubjectService subjects,
      VerificationService verification, PrivacyHistoryPort history) {
    this.views = views;
    this.requests = requests;
    this.store = store;
    this.subjects = subjects;
    this.verification = verification;
    this.history = history;
  }

  /** One of our records that belongs to the subject: which of the request's data points agree with it and which do not. */
  public record MatchView(String store, String recordId, String jobNumber, List<DataPoint> matched, List<DataPoint> notMatched) {}

  @GetMapping("/staff/privacy-requests")
  @StaffOnly({Groups.PRIVACY_OFFICERS, Groups.ADMINS})
  public String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status, Authentication user, Model model) {
    StaffSearch.prepare(q, status, views.statuses(), LIMIT, user, model);
    model.addAttribute("requests", views.search(q, status, LIMIT));
    return "staff/privacy-requests";
  }

  @GetMapping("/staff/privacy-requests/{ref}")
  @StaffOnly({Groups.PRIVACY_OFFICERS, Groups.ADMINS})
  public String page(@PathVariable String ref, Authentication user, Model model) {
    String id = ref.length() > 40 ? null : views.idOf(ref).orElse(null);
    if (id == null) {
      throw DomainException.notFound("no privacy request " + (ref.length() > 40 ? ref.substring(0, 40) : ref));
    }
    PrivacyRequest request = requests.get(id);
    boolean hasDataPoints = request.email() != null || request.name() != null;
    List<MatchView> matches = new ArrayList<>();
    List<String> missing = List.of();
    if (hasDataPoints) {
      Set<DataPoint> given = given(request);
      SubjectService.Subject subject = subjects.match(request);
      for (SubjectRecords records : subject.stores()) {
        for (SubjectMatch m : records.matches()) {
          List<DataPoint> not = given.stream().filter(p -> !m.matched().contains(p)).toList();
          matches.add(new MatchView(records.store(), m.recordId(), m.jobNumber(), m.matched().stream().sorted().toList(), not));
        }
      }
      missing = verification.missing(request);
    }
    model.addAttribute("staffUser", user.getName());
    model.addAttribute("fmt", StaffFormat.utc());
    model.addAttribute("r", request);
    model.addAttribute("rightsLabel", PrivacyRequestService.labels(request.rights()));
    model.addAttribute("hasDataPoints", hasDataPoints);
    model.addAttribute("given", hasDataPoints ? given(request).stream().sorted().toList() : List.of());
    model.addAttribute("matches", matches);
    model.addAttribute("missing", missing);
    model.addAttribute("outcomes", store.rightOutcomes(id));
    model.addAttribute("evidence", store.evidence(id));
    model.addAttribute("steps", history.stepsOf(id));
    return "staff/privacy-request";
  }

  private static Set<DataPoint> given(PrivacyRequest r) {
    Set<DataPoint> given = EnumSet.noneOf(DataPoint.class);
    if (r.email() != null) {
      given.add(DataPoint.EMAIL);
    }
    if (r.name() != null) {
      given.add(DataPoint.NAME);
    }
    if (r.phone() != null) {
      given.add(DataPoint.PHONE);
    }
    if (r.jobNumber() != null) {
      given.add(DataPoint.JOB_NUMBER);
    }
    if (r.jobLocation() != null) {
      given.add(DataPoint.JOB_LOCATION);
    }
    return given;
  }
}
