package org.remoteservices.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff pages' navigation shows each person the links they may open and no other: every staff page it lists
 * answers them 200, every one it leaves out 403; Cockpit only for the groups Camunda lets into Cockpit.
 */
class StaffNavigationTest extends IntegrationTest {
  private static final Pattern NAV = Pattern.compile("<nav aria-label=\"Staff pages\">(.*?)</nav>", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>");
  private static final List<String> STAFF_PAGES = List.of("/staff/cases", "/staff/privacy-requests", "/staff/reports", "/staff/notifications");

  @LocalServerPort int port;
  @Autowired TestUsers users;

  @Test
  void eachPersonSeesTheLinksTheyMayOpenAndNoOther() {
    Http http = new Http(port);
    List<String> problems = new ArrayList<>();
    for (Role role : EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.PROCESS_ADMIN, Role.TECHNICIAN, Role.PRIVACY_OFFICER, Role.SALES)) {
      TestUsers.Login login = users.login(role);
      Http.Response page = http.get("/staff/notifications").as(login).send();
      assertThat(page.status()).as(role + " " + page).isEqualTo(200);
      Matcher nav = NAV.matcher(page.body());
      assertThat(nav.find()).as(role + ": the navigation").isTrue();
      List<String> shown = new ArrayList<>();
      for (Matcher link = LINK.matcher(nav.group(1)); link.find(); ) {
        shown.add(link.group(1));
      }
      for (String staffPage : STAFF_PAGES) {
        int status = http.get(staffPage).as(login).send().status();
        boolean listed = shown.contains(staffPage);
        if (listed != (status == 200) || (!listed && status != 403)) {
          problems.add(role + ": " + staffPage + (listed ? " shown" : " not shown") + ", answers " + status);
        }
      }
      boolean cockpit = shown.contains("/camunda/app/cockpit/default/");
      if (cockpit != EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.PROCESS_ADMIN).contains(role)) {
        problems.add(role + ": Cockpit " + (cockpit ? "shown" : "not shown"));
      }
      if (!shown.contains("/camunda/app/tasklist/default/")) {
        problems.add(role + ": Tasklist not shown");
      }
    }
    assertThat(problems).isEmpty();
    String sales = NAV.matcher(http.get("/staff/notifications").as(users.login(Role.SALES)).send().body()).results().findFirst()
        .orElseThrow().group(1);
    assertThat(sales).contains("Task mails", "Tasklist").doesNotContain("Support cases", "Privacy requests", "Reports", "Cockpit");
  }
}
