package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.support.adapter.db.SupportRequestRepository;
import org.remoteservices.support.domain.SupportRequest;
import org.springframework.stereotype.Component;

/**
 * Names a task after the job and case it is about ("Check returned RSSV · job J-1001 Harbour Hotel · RS-000042"),
 * so a technician's task list says what each task is for. The diagram keeps the short name.
 */
@Component
public class NameTaskAfterCaseListener implements TaskListener {
  private final SupportRequestRepository requests;
  private final JobDirectory jobs;

  public NameTaskAfterCaseListener(SupportRequestRepository requests, JobDirectory jobs) {
    this.requests = requests;
    this.jobs = jobs;
  }

  @Override
  public void notify(DelegateTask task) {
    SupportRequest request = requests.get(task.getExecution().getProcessBusinessKey());
    String jobName = jobs.find(request.jobNumber()).map(Job::jobName).orElse("");
    task.setName(task.getName() + " · job " + request.jobNumber() + " " + jobName + " · " + request.caseNumber());
    task.setDescription("Case " + request.caseNumber() + ", job " + request.jobNumber() + " (" + jobName + ")");
  }
}
