package org.remoteservices.tasknotices.adapter.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.StaffFormTokens;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.tasknotices.application.TaskMailService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /staff/notifications}: each staff member switches their own task mails off and on again (same login as
 * Tasklist; the post carries the page's form token, as the recording upload does). Open to every staff group: a task
 * mail goes to whichever group a task waits for, sales included, and each mail links here.
 */
@Controller
public class StaffNotificationsPage {
  private final TaskMailService mails;
  private final StaffFormTokens tokens;

  public StaffNotificationsPage(TaskMailService mails, StaffFormTokens tokens) {
    this.mails = mails;
    this.tokens = tokens;
  }

  @GetMapping("/staff/notifications")
  @StaffOnly({Groups.OPERATORS, Groups.PROCESS_ADMINS, Groups.ADMINS, Groups.TECHNICIANS, Groups.PRIVACY_OFFICERS, Groups.SALES})
  public String page(@RequestParam(required = false) String notice, Authentication user, HttpServletRequest request, Model model) {
    String userId = user.getName();
    boolean on = mails.mailsOn(userId);
    if ("switched".equals(notice)) {
      model.addAttribute("done", on ? "Task mails are switched on." : "Task mails are switched off: you get none until you switch them on again.");
    }
    model.addAttribute("staffUser", userId);
    model.addAttribute("mailsOn", on);
    model.addAttribute("email", mails.emailOf(userId).orElse(null));
    model.addAttribute("beforeDue", readable(mails.beforeDue()));
    model.addAttribute("formToken", tokens.issue(request, userId));
    return "staff/notifications";
  }

  @PostMapping("/staff/notifications")
  @StaffOnly({Groups.OPERATORS, Groups.PROCESS_ADMINS, Groups.ADMINS, Groups.TECHNICIANS, Groups.PRIVACY_OFFICERS, Groups.SALES})
  public String change(@RequestParam(required = false) String formToken, @RequestParam(required = false) String taskMails,
      Authentication user, HttpServletRequest request) {
    tokens.check(request, user.getName(), formToken);
    if (!"on".equals(taskMails) && !"off".equals(taskMails)) {
      throw DomainException.rejected("taskMails: say \"on\" or \"off\"");
    }
    mails.switchMails(user.getName(), "on".equals(taskMails));
    return "redirect:/staff/notifications?notice=switched";
  }

  static String readable(Duration d) {
    if (d.toHours() > 0 && d.toMinutesPart() == 0) {
      return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
    return d.toMinutes() + " minutes";
  }
}
