package org.remoteservices.support.application.port;

import java.util.List;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.support.domain.RemoteSession;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.WorkOrder;

/** The work order as a PDF; implemented in adapter.pdf. */
public interface WorkOrderDocuments {
  byte[] render(SupportRequest request, Job job, WorkOrder workOrder, List<RemoteSession> sessions, List<String> supportFiles);
}
