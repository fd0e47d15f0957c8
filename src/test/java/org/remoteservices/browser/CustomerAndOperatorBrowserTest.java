package org.remoteservices.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.privacy.PrivacyTestSupport;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Debian's Chromium: a customer on a 375 px phone requests support on the portal, signs the RSSV online through the
 * link in the mail, and answers the survey; an operator then finds the finished case by its number on /staff/cases and
 * opens the reports. axe-core runs on every page visited.
 */
@Tag("browser")
class CustomerAndOperatorBrowserTest extends PrivacyTestSupport {
  @LocalServerPort int port;
  @Autowired TestUsers users;

  @BeforeAll
  static void installed() {
    Browser.assumeInstalled();
  }

  @Test
  void customerOnAPhoneRequestsSupportSignsAndAnswersTheSurveyThenAnOperatorFindsTheCase() {
    Job job = lifecycle.newJob();
    String email = "phone.customer." + System.nanoTime() + "@example.com";
    String id;
    try (Browser phone = new Browser(port, 375, 812, true)) {
      phone.open("/portal");
      phone.check("portal-home-375");
      phone.click(By.cssSelector("a[href='/portal/support']"));
      phone.visible(By.id("name"));
      phone.check("portal-support-375");
      phone.type(By.id("name"), "Paula Phone");
      phone.type(By.id("phone"), "+1 555 0142");
      phone.type(By.id("email"), email);
      phone.type(By.id("jobNumber"), job.jobNumber());
      phone.click(By.cssSelector("form button[type=submit]"));
      phone.visible(By.id("support-success"));
      phone.check("portal-support-sent-375");

      id = jdbc.sql("select id from support_request where requester_email = ?").param(email).query(String.class).single();
      runDueJobs();
      String rssvToken = mailsTo(email).stream().filter(m -> m.body().contains("/portal/rssv/")).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no RSSV link mailed to " + email)).linkToken("/portal/rssv/");
      phone.open("/portal/rssv/" + rssvToken);
      phone.visible(By.id("fullName"));
      phone.check("portal-rssv-375");
      phone.type(By.id("fullName"), "Paula Phone");
      phone.click(By.id("consent"));
      phone.click(By.cssSelector("#sign-form button[type=submit]"));
      phone.visible(By.id("rssv-success"));
      phone.check("portal-rssv-signed-375");
      runDueJobs();
      assertThat(jdbc.sql("select count(*) from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id = ? and r.signer_name = 'Paula Phone'").param(id).query(Integer.class).single())
          .as("the online signature is stored").isOne();

      // the technician's part (its own browser test walks it through Tasklist)
      lifecycle.acceptAndSchedule(id);
      lifecycle.resolveAndDocument(id);

      String surveyToken = mailsTo(email).stream().filter(m -> m.body().contains("/portal/survey/")).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no survey link mailed to " + email)).linkToken("/portal/survey/");
      phone.open("/portal/survey/" + surveyToken);
      phone.visible(By.cssSelector("label[for=rating-5]"));
      phone.check("portal-survey-375");
      phone.tap(By.cssSelector("label[for=rating-5]"));
      phone.type(By.id("comment"), "Quick and friendly");
      phone.click(By.cssSelector("form button[type=submit]"));
      phone.visible(By.id("survey-success"));
      phone.check("portal-survey-answered-375");
      assertThat(jdbc.sql("select rating from survey where support_request_id = ? and answered_at is not null").param(id)
          .query(Integer.class).single()).isEqualTo(5);
    }
    runDueJobs();

    long seq = jdbc.sql("select case_seq from support_request where id = ?").param(id).query(Long.class).single();
    String number = SupportRequest.caseNumberOf(seq);
    users.login(Role.ADMIN); // with no administrator the webapps show their first-user setup page instead of the login
    TestUsers.Login operator = users.login(Role.OPERATOR);
    try (Browser desk = new Browser(port, 1280, 900, false)) {
      desk.loginToTasklist(operator.user(), operator.password());
      desk.screenshot("tasklist-operator");
      desk.open("/staff/cases?q=" + number);
      desk.visible(By.cssSelector("table"));
      desk.check("staff-cases-search");
      assertThat(desk.text()).contains(number);
      desk.click(By.linkText(number));
      desk.visible(By.tagName("h1"));
      assertThat(desk.text()).contains("Case " + number, "Paula Phone");
      desk.check("staff-case-finished");
      desk.open("/staff/reports");
      desk.visible(By.tagName("h1"));
      assertThat(desk.text()).containsIgnoringCase("report");
      desk.check("staff-reports");
    }
  }
}
