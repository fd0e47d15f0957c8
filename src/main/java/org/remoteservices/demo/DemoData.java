package org.remoteservices.demo;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's seed: a few jobs with site and scheduling contacts, and one user per role. Printed at
 * start-up with who can log in (never the passwords); loudly marked as a demo. The demo runs on H2 only
 * (PublishedSecretsCheck).
 */
@Component
@Profile("demo")
public class DemoData {
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  record DemoUser(String id, String firstName, String lastName, String group) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("olivia", "Olivia", "Operator", Groups.OPERATORS),
      new DemoUser("pam", "Pam", "Processadmin", Groups.PROCESS_ADMINS),
      new DemoUser("tom", "Tom", "Technician", Groups.TECHNICIANS),
      new DemoUser("tina", "Tina", "Technician", Groups.TECHNICIANS),
      new DemoUser("priya", "Priya", "Privacy", Groups.PRIVACY_OFFICERS),
      new DemoUser("sally", "Sally", "Sales", Groups.SALES));

  static final List<Job> JOBS = List.of(
      new Job("J-100001", "Harbour View Hotel", "1 Quay Street, Portsmouth",
          new Job.Contact("Sam Site", "site.harbour@example.com", "+44 20 7946 0001"),
          new Job.Contact("Sue Schedule", "schedule.harbour@example.com", "+44 20 7946 0002"), LocalDate.of(2035, 12, 31), "Europe/London",
          LocalDate.of(2028, 12, 31)),
      new Job("J-100002", "City Library", "200 Main Street, Springfield",
          new Job.Contact("Lee Librarian", "facilities.library@example.com", "+1 555 0100"),
          new Job.Contact("Pat Planner", "planning.library@example.com", "+1 555 0101"), LocalDate.of(2032, 6, 30), "America/Chicago",
          LocalDate.of(2027, 6, 30)),
      new Job("J-100003", "Riverside Offices", "5 Riverside Walk, Coopersburg",
          new Job.Contact("Ray Reception", "reception.riverside@example.com", "+1 555 0110"),
          new Job.Contact("Ray Reception", "reception.riverside@example.com", "+1 555 0110"), LocalDate.of(2040, 1, 1), "America/New_York",
          LocalDate.of(2029, 3, 31)));

  private final IdentityService identity;
  private final JobDirectory jobs;
  private final String password;
  private final String adminId;

  public DemoData(IdentityService identity, JobDirectory jobs, @Value("${rso.demo.password}") String password,
      @Value("${camunda.bpm.admin-user.id:admin}") String adminId) {
    this.identity = identity;
    this.jobs = jobs;
    this.password = password;
    this.adminId = adminId;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  @Transactional
  public void seed() {
    for (DemoUser u : USERS) {
      if (identity.createUserQuery().userId(u.id()).count() == 0) {
        User user = identity.newUser(u.id());
        user.setFirstName(u.firstName());
        user.setLastName(u.lastName());
        user.setEmail(u.id() + "@staff.example.com");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(u.id(), u.group());
      }
    }
    for (Job job : JOBS) {
      if (!jobs.exists(job.jobNumber())) {
        jobs.register(job);
      }
    }
    StringBuilder banner = new StringBuilder()
        .append("\n==================================================================================\n")
        .append(" DEMO PROFILE: demo users and data. Do not use in production (see docs/security.md)\n")
        .append("==================================================================================\n")
        .append(" Cockpit / Tasklist / Admin: http://localhost:8080/camunda\n")
        .append(" Customer portal:            http://localhost:8080/portal/support\n")
        .append(" Mail catcher:               http://localhost:8080/mail-catcher\n")
        .append(" Log in as (passwords: README, or camunda.bpm.admin-user.password and rso.demo.password; never logged):\n")
        .append("   ").append(String.format("%-8s", adminId)).append(" (group camunda-admin)\n");
    USERS.forEach(u -> banner.append("   ").append(String.format("%-8s", u.id())).append(" (group ").append(u.group()).append(")\n"));
    banner.append(" Demo job numbers: ");
    banner.append(String.join(", ", JOBS.stream().map(Job::jobNumber).toList())).append('\n');
    banner.append("==================================================================================");
    LOG.warn(banner.toString());
  }
}
