package org.remoteservices.reports.adapter.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.remoteservices.privacy.api.PrivacyFigures;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.web.StaffFormat;
import org.remoteservices.support.api.SupportFigures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The operators' reports ({@code /staff/reports}) and their CSV downloads: support requests per status; privacy
 * requests by right and jurisdiction with received / complied with in whole or in part / denied and the median days
 * to answer (CCPA regulations §7102, over the last 12 months); the due board of open requests (goal: none past due);
 * requests answered late; survey CSAT (share of 4 and 5); recordings and support files due for destruction within 30
 * days; the request log of the last 24 months (§7101). Aggregates and references only: no personal data.
 */
@Controller
public class StaffReportsPage {
  static final List<String> CSV = List.of("requests-by-status", "privacy-metrics", "privacy-due-board", "privacy-answered-late", "csat",
      "due-for-destruction", "privacy-request-log");

  private final SupportFigures support;
  private final PrivacyFigures privacy;
  private final TimeSource time;

  public StaffReportsPage(SupportFigures support, PrivacyFigures privacy, TimeSource time) {
    this.support = support;
    this.privacy = privacy;
    this.time = time;
  }

  private Instant monthsAgo(int months) {
    return time.now().atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
  }

  @GetMapping("/staff/reports")
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS, Groups.PRIVACY_OFFICERS})
  public String reports(Authentication user, Model model) {
    Instant now = time.now();
    model.addAttribute("staffUser", user.getName());
    model.addAttribute("fmt", StaffFormat.utc());
    model.addAttribute("byStatus", support.requestsByStatus());
    model.addAttribute("metrics", privacy.byRightAndJurisdiction(monthsAgo(12)));
    model.addAttribute("board", privacy.dueBoard(now));
    model.addAttribute("late", privacy.answeredLate(monthsAgo(24)));
    SupportFigures.Csat csat = support.csat(monthsAgo(12));
    model.addAttribute("csat", csat);
    model.addAttribute("csatShare", csat.share() == null ? "no answers yet" : String.format(Locale.ROOT, "%.0f %%", csat.share() * 100));
    model.addAttribute("destruction", support.dueForDestruction(now.plus(Duration.ofDays(30))));
    model.addAttribute("logSize", privacy.log(monthsAgo(24)).size());
    model.addAttribute("downloads", CSV);
    return "staff/reports";
  }

  @GetMapping("/staff/reports/{name}.csv")
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS, Groups.PRIVACY_OFFICERS})
  public ResponseEntity<byte[]> csv(@PathVariable String name) {
    Instant now = time.now();
    List<List<Object>> rows = new ArrayList<>();
    switch (name) {
      case "requests-by-status" -> table(rows, List.of("status", "requests"), support.requestsByStatus(), c -> List.of(c.key(), c.count()));
      case "privacy-metrics" -> table(rows, List.of("right", "jurisdiction", "received", "complied_whole_or_part", "denied", "median_days_to_answer"),
          privacy.byRightAndJurisdiction(monthsAgo(12)), f -> list(f.right(), f.jurisdiction(), f.received(), f.compliedWholeOrPart(), f.denied(),
              f.medianDays()));
      case "privacy-due-board" -> {
        PrivacyFigures.DueBoard b = privacy.dueBoard(now);
        table(rows, List.of("on_time", "due_within_5_days", "past_due"), List.of(b), x -> List.of(x.onTime(), x.dueWithinFiveDays(), x.pastDue()));
      }
      case "privacy-answered-late" -> table(rows, List.of("reference", "rights", "jurisdiction", "due_at", "answered_at"),
          privacy.answeredLate(monthsAgo(24)), l -> list(l.reference(), l.rights(), l.jurisdiction(), l.dueAt(), l.completedAt()));
      case "csat" -> {
        SupportFigures.Csat c = support.csat(monthsAgo(12));
        table(rows, List.of("answered", "rated_4_or_5", "csat_share"), List.of(c), x -> list(x.answered(), x.satisfied(), x.share()));
      }
      case "due-for-destruction" -> table(rows, List.of("case", "kind", "what", "due_on"), support.dueForDestruction(now.plus(Duration.ofDays(30))),
          d -> List.of(d.caseNumber(), d.kind(), d.what(), d.dueOn()));
      case "privacy-request-log" -> table(rows, List.of("reference", "channel", "rights", "jurisdiction", "status", "received_at", "due_at",
          "answered_at", "extended", "deadline_missed"), privacy.log(monthsAgo(24)), e -> list(e.reference(), e.channel(), e.rights(),
          e.jurisdiction(), e.status(), e.receivedAt(), e.dueAt(), e.completedAt(), e.extended(), e.deadlineMissed()));
      default -> throw DomainException.notFound("no report " + (name.length() > 40 ? name.substring(0, 40) : name) + "; reports: " + String.join(", ", CSV));
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
        .body(Csv.write(rows).getBytes(StandardCharsets.UTF_8));
  }

  private static List<Object> list(Object... values) {
    return java.util.Arrays.asList(values);
  }

  private static <T> void table(List<List<Object>> rows, List<Object> header, List<T> items, Function<T, List<Object>> row) {
    rows.add(header);
    items.forEach(item -> rows.add(row.apply(item)));
  }

  /** RFC 4180 CSV; a cell that a spreadsheet would run as a formula (= + - @ first) is prefixed with '. */
  static final class Csv {
    private Csv() {}

    static String write(List<List<Object>> rows) {
      StringBuilder out = new StringBuilder();
      for (List<Object> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          out.append(cell(row.get(i)));
        }
        out.append("\r\n");
      }
      return out.toString();
    }

    static String cell(Object value) {
      if (value == null) {
        return "";
      }
      if (value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
      String s = value.toString();
      if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
        s = "'" + s;
      }
      return s.matches("[^\",\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
  }
}
