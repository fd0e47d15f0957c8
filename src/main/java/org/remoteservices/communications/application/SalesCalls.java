package org.remoteservices.communications.application;

import org.remoteservices.communications.application.port.CommunicationStore;
import org.remoteservices.communications.domain.Communication;
import org.remoteservices.communications.domain.Purpose;
import org.remoteservices.communications.domain.Recipient;
import org.remoteservices.shared.error.DomainException;
import org.springframework.stereotype.Service;

/**
 * The call tasks of a SALES_CALL communication: one per selected contact (US and Canada, consented, not unsubscribed).
 * Checked here as well as in the model: a call task for anyone the selection did not pick is refused.
 */
@Service
public class SalesCalls {
  private final CommunicationStore store;

  public SalesCalls(CommunicationStore store) {
    this.store = store;
  }

  /** The call task for the contact at {@code position} was created; returns its readable name (no personal data). */
  public String taskCreated(String communicationId, int position) {
    Recipient r = recipient(communicationId, position);
    store.setStatus(communicationId, r.position(), Recipient.Status.CALL_TASK);
    return "Sales call: contact #" + (position + 1) + (r.jobNumber() == null ? "" : " of job " + r.jobNumber())
        + " (communication " + communicationId.substring(0, 8) + ")";
  }

  public void called(String communicationId, int position) {
    recipient(communicationId, position);
    store.setStatus(communicationId, position, Recipient.Status.CALLED);
  }

  /** The contact a sales person is to call (staff only). */
  public Recipient recipient(String communicationId, int position) {
    Communication c = store.find(communicationId).orElseThrow(() -> DomainException.notFound("no communication " + communicationId));
    if (c.purpose() != Purpose.SALES_CALL) {
      throw DomainException.conflict("communication " + communicationId + " is not a sales call");
    }
    return store.recipient(communicationId, position)
        .orElseThrow(() -> DomainException.notFound("communication " + communicationId + " has no contact #" + position));
  }
}
