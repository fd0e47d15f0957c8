package org.remoteservices.support.adapter.pdf;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.shared.pdf.PdfBuilder;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.WorkOrderDocuments;
import org.remoteservices.support.domain.RemoteSession;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.WorkOrder;
import org.springframework.stereotype.Component;

/** The work order sent to the job's Site Contact and Scheduling Contact. */
@Component
public class WorkOrderDocument implements WorkOrderDocuments {
  public static final String TITLE = "Remote Services Work Order";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(TimeSource.ZONE);

  @Override
  public byte[] render(SupportRequest request, Job job, WorkOrder workOrder, List<RemoteSession> sessions, List<String> supportFiles) {
    PdfBuilder pdf = PdfBuilder.document(TITLE)
        .fields(
            "Case number", request.caseNumber(),
            "Job number", job.jobNumber(),
            "Job name", job.jobName(),
            "Site contact", job.siteContact().name(),
            "Scheduling contact", job.schedulingContact().name());
    pdf.heading("Sessions");
    for (RemoteSession s : sessions) {
      pdf.fields(
          "Session", s.startedAt() == null ? "-" : WHEN.format(s.startedAt()) + " to " + WHEN.format(s.endedAt()),
          "Outcome", Boolean.TRUE.equals(s.resolved()) ? "Resolved" : "Not resolved");
    }
    pdf.heading("Work summary").paragraph(workOrder.summary())
        .heading("Actions taken").paragraph(workOrder.actionsTaken());
    if (workOrder.recommendations() != null) {
      pdf.heading("Recommendations").paragraph(workOrder.recommendations());
    }
    pdf.heading("Support files collected").paragraph(supportFiles.isEmpty() ? "None" : String.join(", ", supportFiles));
    return pdf.small("The session video recording is destroyed 180 days after the session.").build();
  }
}
