package org.remoteservices.communications.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.remoteservices.communications.application.port.CommunicationStore;
import org.remoteservices.communications.domain.Communication;
import org.remoteservices.communications.domain.Purpose;
import org.remoteservices.communications.domain.Recipient;
import org.remoteservices.communications.domain.WarrantyReminder;
import org.remoteservices.privacy.api.ContactPermissions;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.mail.MailTemplates;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.shared.tokens.PublicLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends one chunk of a communication, in the chunk job's one transaction. Each recipient's row is claimed before the
 * mail is handed to the outbox under the key {@code communication:<id>:<position>}; the outbox sends a key once. So a
 * chunk that runs again (a crash, a retry) skips who got it and sends to who did not. A recipient whose mail could not
 * be composed is marked FAILED and the chunk goes on. SENT means the outbox has the mail on record and delivers it:
 * when the SMTP server is unreachable the mails stay on record, the chunk does not try to connect once per recipient,
 * and the outbox's sweeper delivers them once the server is back (its backlog and failing mails are in the
 * {@code mailDelivery} health and the {@code rso.mail.*} metrics, docs/operations.md).
 */
@Service
public class CommunicationSender {
  private static final Logger LOG = LoggerFactory.getLogger(CommunicationSender.class);

  private final CommunicationStore store;
  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final ContactPermissions permissions;
  private final PublicLinks links;
  private final org.remoteservices.jobs.api.JobDirectory jobs;

  public CommunicationSender(CommunicationStore store, MailOutbox outbox, MailTemplates templates, ContactPermissions permissions,
      PublicLinks links, org.remoteservices.jobs.api.JobDirectory jobs) {
    this.jobs = jobs;
    this.store = store;
    this.outbox = outbox;
    this.templates = templates;
    this.permissions = permissions;
    this.links = links;
  }

  /** Sends chunk {@code index} (0-based); returns how many mails it sent. */
  public int sendChunk(String communicationId, int index) {
    Communication c = store.find(communicationId).orElseThrow(() -> DomainException.notFound("no communication " + communicationId));
    if (c.purpose() == Purpose.SALES_CALL) {
      throw DomainException.conflict("a sales-call communication creates call tasks, it sends no mail");
    }
    java.util.Optional<WarrantyReminder> warranty = store.warrantyReminderOf(communicationId);
    int sent = 0;
    int leftToSweeper = 0;
    for (Recipient r : store.recipients(communicationId, index * c.chunkSize(), (index + 1) * c.chunkSize())) {
      if (!store.claim(communicationId, r.position())) {
        continue; // done in an earlier run
      }
      try {
        outbox.deliverOnce(key(communicationId, r.position()), () -> warranty.isPresent() ? compose(c, warranty.get(), r) : compose(c, r));
        store.mark(communicationId, r.position(), Recipient.Status.SENT);
        sent++;
      } catch (MailOutbox.MailDeliveryException unreachable) {
        // on record: the sweeper sends it once the server is back (a FAILED mark would be wrong, and a later notice
        // change would mail this person a second copy)
        store.mark(communicationId, r.position(), Recipient.Status.SENT);
        sent++;
        leftToSweeper++;
      } catch (RuntimeException e) {
        store.mark(communicationId, r.position(), Recipient.Status.FAILED);
        LOG.warn("communication {}: recipient #{} failed ({}); the chunk goes on", communicationId, r.position(), e.getClass().getSimpleName());
      }
    }
    if (leftToSweeper > 0) {
      LOG.warn("communication {} chunk {}: the SMTP server is unreachable; {} mail(s) are on record and the mail sweeper delivers "
          + "them once it is back", communicationId, index, leftToSweeper);
    }
    return sent;
  }

  public static String key(String communicationId, int position) {
    return "communication:" + communicationId + ":" + position;
  }

  /** A warranty-expiry reminder: its own template, naming the job and the date (values only). */
  OutgoingMail compose(Communication c, WarrantyReminder w, Recipient r) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("name", r.name());
    vars.put("jobNumber", w.jobNumber());
    vars.put("jobName", jobs.find(w.jobNumber()).map(org.remoteservices.jobs.api.Job::jobName).orElse(w.jobNumber()));
    vars.put("warrantyUntil", w.warrantyUntil().toString());
    vars.put("supportLink", links.link("/portal/support?jobNumber=" + w.jobNumber()));
    return templates.mail(r.supportRequestId(), List.of(r.email()), c.subject(), "warranty-reminder", vars, Map.of());
  }

  OutgoingMail compose(Communication c, Recipient r) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("name", r.name());
    vars.put("subject", c.subject());
    vars.put("paragraphs", List.of(c.body().split("\\R\\R+")));
    vars.put("purpose", c.purpose().name());
    Map<String, String> headers = new HashMap<>();
    if (c.purpose() == Purpose.SECURITY_NOTICE && r.jobNumber() != null) {
      vars.put("applyLink", links.link("/portal/support?jobNumber=" + r.jobNumber() + "&reason=security-update"));
    }
    if (c.purpose() == Purpose.MARKETING) {
      ContactPermissions.UnsubscribeLinks unsubscribe = permissions.unsubscribeLinks(r.supportRequestId());
      vars.put("unsubscribeLink", unsubscribe.page());
      headers.put("List-Unsubscribe", "<" + unsubscribe.oneClick() + ">");
      headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    return templates.mail(r.supportRequestId(), List.of(r.email()), c.subject(), "communication", vars, headers);
  }
}
