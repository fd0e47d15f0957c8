package org.remoteservices.support.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.mail.MailAttachment;
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.mail.MailTemplates;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.application.port.WorkOrderDocuments;
import org.remoteservices.support.application.port.WorkOrderStore;
import org.remoteservices.support.domain.SupportFileCategory;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.SupportStatus;
import org.remoteservices.support.domain.WorkOrder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the work order: documented by the technician, sent as PDF to the job's contacts. */
@Service
public class WorkOrderService {
  private final SupportRequestStore requests;
  private final WorkOrderStore workOrders;
  private final SessionStore sessions;
  private final JobDirectory jobs;
  private final FileStore files;
  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final WorkOrderDocuments document;

  private CaseStatusService caseStatus;

  /** The status page's link line at the end of the mails (a setter, so the constructor stays as it was). */
  @org.springframework.beans.factory.annotation.Autowired
  void setCaseStatus(CaseStatusService caseStatus) {
    this.caseStatus = caseStatus;
  }

  public WorkOrderService(SupportRequestStore requests, WorkOrderStore workOrders, SessionStore sessions, JobDirectory jobs,
      FileStore files, MailOutbox outbox, WorkOrderDocuments document,
      MailTemplates templates) {
    this.templates = templates;
    this.requests = requests;
    this.workOrders = workOrders;
    this.sessions = sessions;
    this.jobs = jobs;
    this.files = files;
    this.outbox = outbox;
    this.document = document;
  }

  @Transactional
  public void document(String supportRequestId, String summary, String actionsTaken, String recommendations, String documentedBy) {
    workOrders.insert(UUID.randomUUID().toString(), supportRequestId, summary, actionsTaken, recommendations, documentedBy);
  }

  @Transactional
  public void generatePdf(String supportRequestId) {
    WorkOrder workOrder = current(supportRequestId);
    SupportRequest request = requests.get(supportRequestId);
    Job job = jobs.find(request.jobNumber()).orElseThrow();
    List<String> supportFiles = new ArrayList<>();
    for (org.remoteservices.support.domain.SupportFile row : sessions.supportFilesOf(supportRequestId)) {
      supportFiles.add(SupportFileCategory.valueOf(row.category()).label());
    }
    String key = "work-orders/" + supportRequestId + "/work-order-" + workOrder.id() + ".pdf";
    files.write(key, document.render(request, job, workOrder, sessions.sessionsOf(supportRequestId), supportFiles));
    workOrders.setPdf(workOrder.id(), key);
  }

  /** Mails the work order PDF to the job's Site Contact and Scheduling Contact (one mail, both recipients). */
  @Transactional
  public void mail(String supportRequestId) {
    WorkOrder workOrder = current(supportRequestId);
    SupportRequest request = requests.get(supportRequestId);
    Job job = jobs.find(request.jobNumber()).orElseThrow();
    outbox.deliverOnce("work-order:" + workOrder.id(), () -> {
      List<String> to = new ArrayList<>(List.of(job.siteContact().email()));
      if (!job.schedulingContact().email().equalsIgnoreCase(job.siteContact().email())) {
        to.add(job.schedulingContact().email());
      }
      return templates.mail(supportRequestId, to,
          "Work order for job " + job.jobNumber() + ", case " + request.caseNumber(),
          "work-order", java.util.Map.of("siteContactName", job.siteContact().name(), "schedulingContactName", job.schedulingContact().name(),
              "jobNumber", job.jobNumber(), "jobName", job.jobName(), "caseNumber", request.caseNumber(), "statusLink", CaseStatusService.linkFor(caseStatus, supportRequestId)),
          List.of(MailAttachment.pdf("work-order-" + request.caseNumber() + ".pdf", workOrder.pdfFile())));
    });
    workOrders.markSent(workOrder.id());
    requests.updateStatus(supportRequestId, SupportStatus.WORK_ORDER_SENT);
  }

  private WorkOrder current(String supportRequestId) {
    return workOrders.current(supportRequestId).orElseThrow(() -> new IllegalStateException("no work order for " + supportRequestId));
  }
}
