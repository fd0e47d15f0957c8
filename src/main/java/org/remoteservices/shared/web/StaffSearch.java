package org.remoteservices.shared.web;

import java.util.Collection;
import org.remoteservices.shared.error.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;

/** The search of a staff list page (cases, privacy requests): its two parameters checked, and the page's common model. */
public final class StaffSearch {
  private StaffSearch() {}

  /** Checks {@code q} and {@code status} (400 naming the parameter) and puts what every list page shows into the model. */
  public static void prepare(String q, String status, Collection<String> statuses, int limit, Authentication user, Model model) {
    if (q != null && q.length() > 100) {
      throw DomainException.rejected("q: the search is longer than 100 characters");
    }
    if (status != null && !status.isBlank() && !status.matches("[A-Za-z_]{1,30}")) {
      throw DomainException.rejected("status: not a status");
    }
    model.addAttribute("staffUser", user.getName());
    model.addAttribute("fmt", StaffFormat.utc());
    model.addAttribute("q", q);
    model.addAttribute("status", status);
    model.addAttribute("statuses", statuses);
    model.addAttribute("limit", limit);
  }
}
