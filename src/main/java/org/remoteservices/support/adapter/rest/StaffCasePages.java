package org.remoteservices.support.adapter.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.StaffFormTokens;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.shared.web.StaffFormat;
import org.remoteservices.shared.web.StaffSearch;
import org.remoteservices.support.adapter.db.SupportCaseViews;
import org.remoteservices.support.adapter.db.SupportCaseViews.CaseRow;
import org.remoteservices.support.adapter.db.SupportCaseViews.Entry;
import org.remoteservices.support.application.SessionService;
import org.remoteservices.support.application.port.CaseTasksPort;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The operators' and technicians' pages of support cases (server-rendered, same login as Tasklist): every case,
 * running or finished, searchable by case number, job and status ({@code /staff/cases?q=RS-000123}); the case page
 * with requester, tasks, recording (upload through the existing recording service), support files and the timeline.
 */
@Controller
public class StaffCasePages {
  static final int LIMIT = 200;

  private final SupportCaseViews views;
  private final CaseTasksPort tasks;
  private final SessionService sessions;
  private final RemoteSupportProcessPort process;
  private final StaffFormTokens tokens;
  private final org.remoteservices.jobs.api.JobDirectory jobs;

  public StaffCasePages(SupportCaseViews views, CaseTasksPort tasks, SessionService sessions, RemoteSupportProcessPort process,
      StaffFormTokens tokens, org.remoteservices.jobs.api.JobDirectory jobs) {
    this.jobs = jobs;
    this.views = views;
    this.tasks = tasks;
    this.sessions = sessions;
    this.process = process;
    this.tokens = tokens;
  }

  @GetMapping("/staff/cases")
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS, Groups.TECHNICIANS})
  public String cases(@RequestParam(required = false) String q, @RequestParam(required = false) String status, Authentication user,
      Model model) {
    StaffSearch.prepare(q, status, views.statuses(), LIMIT, user, model);
    model.addAttribute("cases", views.search(q, status, LIMIT));
    return "staff/cases";
  }

  @GetMapping("/staff/cases/{ref}")
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS, Groups.TECHNICIANS})
  public String casePage(@PathVariable String ref, @RequestParam(required = false) String notice, Authentication user,
      HttpServletRequest request, Model model) {
    CaseRow c = find(ref);
    if ("recording-attached".equals(notice)) {
      model.addAttribute("done", "The recording file is attached. Reload the \"Run remote session\" task in Tasklist to see it there.");
    } else if ("recording-empty".equals(notice)) {
      model.addAttribute("problem", "Recording file: the file chosen is empty. Please choose the file of the session's recording.");
    } else if ("no-session".equals(notice)) {
      model.addAttribute("problem", "No session of this case waits for its recording: a recording is uploaded while the session is "
          + "scheduled and its outcome not yet recorded.");
    }
    List<CaseTasksPort.CaseTask> caseTasks = tasks.tasksOf(c.id());
    List<Entry> timeline = new ArrayList<>(views.timeline(c.id()));
    for (CaseTasksPort.CaseTask t : caseTasks) {
      timeline.add(new Entry(t.created(), "task", "Task \"" + shortName(t.name()) + "\" waits for " + (t.candidateGroup() == null ? "someone" : t.candidateGroup())));
      if (t.ended() != null) {
        timeline.add(new Entry(t.ended(), "task", "Task \"" + shortName(t.name()) + "\" completed" + (t.assignee() != null ? " by " + t.assignee() : "")));
      }
    }
    timeline.removeIf(e -> e.at() == null);
    timeline.sort(Comparator.comparing(Entry::at));
    model.addAttribute("staffUser", user.getName());
    // the case's times in the site's zone, UTC beside them
    model.addAttribute("fmt", new StaffFormat(jobs.find(c.jobNumber()).map(org.remoteservices.jobs.api.Job::zone).orElse(java.time.ZoneOffset.UTC)));
    model.addAttribute("c", c);
    model.addAttribute("requester", views.requester(c.id()));
    model.addAttribute("tasks", caseTasks);
    model.addAttribute("recordings", views.recordings(c.id()));
    model.addAttribute("supportFiles", views.supportFiles(c.id()));
    model.addAttribute("timeline", timeline);
    model.addAttribute("canUpload", sessions.currentSessionId(c.id()).isPresent());
    model.addAttribute("formToken", tokens.issue(request, user.getName()));
    return "staff/case";
  }

  /** The technician uploads the current session's recording: the existing recording service, then the case's form shows it. */
  @PostMapping(path = "/staff/cases/{ref}/recording", consumes = "multipart/form-data")
  @StaffOnly({Groups.TECHNICIANS, Groups.ADMINS})
  public String uploadRecording(@PathVariable String ref, @RequestParam(required = false) String formToken,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication user, HttpServletRequest request)
      throws IOException {
    CaseRow c = find(ref);
    tokens.check(request, user.getName(), formToken);
    if (file == null || file.isEmpty()) {
      return "redirect:/staff/cases/" + c.caseNumber() + "?notice=recording-empty#recording";
    }
    String sessionId = sessions.currentSessionId(c.id()).orElse(null);
    if (sessionId == null) {
      return "redirect:/staff/cases/" + c.caseNumber() + "?notice=no-session#recording";
    }
    sessions.uploadRecording(sessionId, file.getInputStream());
    process.recordingAttached(c.id());
    return "redirect:/staff/cases/" + c.caseNumber() + "?notice=recording-attached#recording";
  }

  private CaseRow find(String ref) {
    if (ref.length() > 40) {
      throw DomainException.notFound("no support case " + ref.substring(0, 40));
    }
    return views.find(ref).orElseThrow(() -> DomainException.notFound("no support case " + ref));
  }

  private static String shortName(String name) {
    int cut = name == null ? -1 : name.indexOf(" · ");
    return cut > 0 ? name.substring(0, cut) : name;
  }
}
