package org.remoteservices.tasknotices.adapter.scheduling;

import org.remoteservices.tasknotices.application.TaskMailService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute (rso.task-mails.sweep-interval): the task mails' catch-up and the reminders before a task is due. */
@Component
public class TaskMailSweeper {
  private final TaskMailService mails;

  public TaskMailSweeper(TaskMailService mails) {
    this.mails = mails;
  }

  @Scheduled(fixedDelayString = "${rso.task-mails.sweep-interval:PT1M}", initialDelayString = "${rso.task-mails.sweep-interval:PT1M}")
  public void run() {
    mails.sweep();
  }
}
