package org.remoteservices.communications.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.remoteservices.communications.application.port.CommunicationProcessPort;
import org.remoteservices.communications.application.port.CommunicationStore;
import org.remoteservices.communications.domain.Communication;
import org.remoteservices.communications.domain.Purpose;
import org.remoteservices.communications.domain.WarrantyReminder;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.jobs.api.WarrantyDateListener;
import org.remoteservices.shared.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warranty-expiry reminders: {@code rso.communications.warranty-reminder-lead} (P30D) ahead of a job's
 * {@code warranty_until}, one SERVICE_UPDATE communication to the job's contacts (the objecting and restricted are
 * skipped as for any service update), once per job and warranty date. The hourly {@code warranty-reminders} process
 * starts what became due; a date set or moved into the lead window starts its reminder at once, in the operator's
 * change. The {@code warranty_reminder} row (primary key job + date) is the idempotency record: a second pass, the
 * other node, a rerun after a crash find it and start nothing; a moved date is a new key. A date in the past: nothing.
 */
@Service
public class WarrantyReminders implements WarrantyDateListener {
  private static final Logger LOG = LoggerFactory.getLogger(WarrantyReminders.class);
  static final String CREATED_BY = "warranty-reminder";
  static final int PAGE = 500;

  private final CommunicationStore store;
  private final CommunicationService communications;
  private final CommunicationProcessPort process;
  private final JobDirectory jobs;
  private final TimeSource time;
  private final Duration lead;

  public WarrantyReminders(CommunicationStore store, CommunicationService communications, CommunicationProcessPort process, JobDirectory jobs,
      TimeSource time, @Value("${rso.communications.warranty-reminder-lead:P30D}") Duration lead) {
    this.store = store;
    this.communications = communications;
    this.process = process;
    this.jobs = jobs;
    this.time = time;
    this.lead = lead;
  }

  /** The hourly pass: starts the reminder of every job whose warranty ends within the lead and has none yet; returns how many. */
  @Transactional
  public int startDue() {
    LocalDate today = time.today();
    LocalDate until = today.plusDays(lead.toDays());
    int started = 0;
    String after = null;
    while (true) {
      List<Job> page = jobs.warrantiesEnding(today, until, after, PAGE);
      for (Job job : page) {
        if (remindIfDue(job)) {
          started++;
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).jobNumber();
    }
    if (started > 0) {
      LOG.info("warranty-expiry reminders started for {} job(s)", started);
    }
    return started;
  }

  /** A job got a warranty date or it moved: a date already within the lead is reminded of now. */
  @Override
  public void warrantyDateSet(Job job) {
    remindIfDue(job);
  }

  /**
   * Starts the job's reminder when its warranty ends between today and today + the lead and none was started for this
   * date (the guard the timer does not give: a pass run by hand, twice, on two nodes). Returns whether it started one.
   */
  @Transactional
  public boolean remindIfDue(Job job) {
    LocalDate date = job.warrantyUntil();
    LocalDate today = time.today();
    if (date == null || date.isBefore(today) || date.isAfter(today.plusDays(lead.toDays()))) {
      return false;
    }
    if (store.warrantyReminderStarted(job.jobNumber(), date)) {
      return false;
    }
    String subject = subject(job);
    Communication c = communications.store(new CommunicationService.Request(Purpose.SERVICE_UPDATE.name(), subject,
        "Warranty-expiry reminder: the warranty of job " + job.jobNumber() + " ends on " + date + ".", List.of(job.jobNumber()), null),
        CREATED_BY);
    store.insertWarrantyReminder(new WarrantyReminder(job.jobNumber(), date, c.id(), time.now()));
    process.startAsSystem(c.id(), c.purpose().name());
    LOG.info("job {}: warranty ends {}, reminder started (communication {})", job.jobNumber(), date, c.id());
    return true;
  }

  /** The reminder's subject: names the job and the date. */
  static String subject(Job job) {
    String tail = " (job " + job.jobNumber() + ") ends on " + job.warrantyUntil();
    String name = job.jobName();
    int room = 200 - "Warranty of ".length() - tail.length();
    if (name.length() > room) {
      name = name.substring(0, Math.max(0, room - 1)) + "\u2026";
    }
    return "Warranty of " + name + tail;
  }
}
