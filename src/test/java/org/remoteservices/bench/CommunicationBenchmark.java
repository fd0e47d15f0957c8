package org.remoteservices.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.remoteservices.communications.adapter.camunda.CommunicationProcess;
import org.remoteservices.communications.application.CommunicationService;
import org.remoteservices.jobs.adapter.db.JobRepository;
import org.remoteservices.shared.mail.MailTemplates;
import org.remoteservices.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A communication to N recipients (default 100,000; {@code -Dbench.communication.recipients=2000} to shrink) against
 * GreenMail, and in the same run the raw rate at which this machine hands the same mails (one recipient, text and
 * HTML) to GreenMail through the same JavaMailSender. Target: the send reaches at least half the raw rate. Runs under
 * {@code -Pbench} (docs/performance.md, "Communications"); asserts only that every recipient got their mail.
 */
@Tag("bench")
class CommunicationBenchmark extends IntegrationTest {
  @Autowired JobRepository jobs;
  @Autowired CommunicationService communications;
  @Autowired JavaMailSender sender;
  @Autowired MailTemplates templates;

  @Test
  void sendToManyAgainstTheRawMailRate() throws Exception {
    int recipients = Integer.getInteger("bench.communication.recipients", 100_000);
    int jobCount = (recipients + 1) / 2; // a site and a scheduling contact each
    long t0 = System.nanoTime();
    for (int n = 0; n < jobCount; n++) {
      jobs.insert(new org.remoteservices.jobs.api.Job("JB-" + n, "Bench Site " + n, n + " Bench Road",
          new org.remoteservices.jobs.api.Job.Contact("Site " + n, "site-" + n + "@bench.example.com", "+1 555 0101"),
          new org.remoteservices.jobs.api.Job.Contact("Plan " + n, "plan-" + n + "@bench.example.com", "+1 555 0102"),
          LocalDate.of(2031, 1, 1)));
    }
    System.out.printf("communication bench: %d jobs registered in %s%n", jobCount, Duration.ofNanos(System.nanoTime() - t0));

    // the floor: the same mails handed to GreenMail directly, one message per recipient as the outbox sends them; a
    // sample of -Dbench.communication.raw-mails (default: as many as the send), half before and half after the send, so
    // both phases see the same machine (a rate needs no 100,000 mails, and a shared machine's load changes over minutes)
    int rawMails = Math.max(2, Integer.getInteger("bench.communication.raw-mails", jobCount * 2));
    MAIL.purgeEmailFromAllMailboxes();
    String subject = "Service information";
    double rawSeconds = rawMails(subject, 0, rawMails / 2);
    MAIL.purgeEmailFromAllMailboxes();
    System.gc();

    HeapSampler sendHeap = new HeapSampler(Long.getLong("bench.communication.heap-sample-ms", 10_000));
    long s0 = System.nanoTime();
    String id = communications.send(new CommunicationService.Request("SERVICE_UPDATE", subject,
        "Version 4.2 fixes the scene timer.\n\nNothing to do on your side.", null, null), "bench").id();
    long peakHeap = 0;
    Tally received = new Tally();
    for (int round = 0; ; round++) {
      List<Job> due = management.createJobQuery().processDefinitionKey(CommunicationProcess.KEY).executable().list();
      if (due.isEmpty()) {
        break;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        Runtime rt = Runtime.getRuntime();
        peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
        // count what arrived and empty GreenMail (it runs in this JVM: 100,000 stored messages would be its heap, not ours).
        // Tests deliver on the committing thread, so every mail of the job has arrived when executeJob returns.
        received.tally(MAIL.getReceivedMessages());
        MAIL.purgeEmailFromAllMailboxes();
      }
      if (round % 20 == 0) {
        System.out.printf("communication bench: %s%n", communications.status(id).progress());
      }
    }
    double sendSeconds = (System.nanoTime() - s0) / 1e9;
    sendHeap.close();
    rawSeconds += rawMails(subject, rawMails / 2, rawMails - rawMails / 2);
    MAIL.purgeEmailFromAllMailboxes();
    double rawRate = rawMails / rawSeconds;
    System.out.printf("communication bench: raw GreenMail %d mails in %.1f s = %.0f mails/s (half before, half after the send)%n", rawMails,
        rawSeconds, rawRate);
    CommunicationService.Status status = communications.status(id);
    double sendRate = status.progress().sent() / sendSeconds;
    String line = String.format("communication bench: recipients=%d sent=%d failed=%d in %.1f s = %.0f mails/s; raw GreenMail %.0f mails/s "
            + "(%.1f s); ratio %.2f (target >= 0.5); peak heap during the send %d MB of %d MB",
        status.progress().recipients(), status.progress().sent(), status.progress().failed(), sendSeconds, sendRate, rawRate, rawSeconds,
        sendRate / rawRate, peakHeap / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    System.out.println(line);
    System.out.println("communication bench: heap used after GC during the send (s: MB): " + sendHeap.summary());
    assertThat(status.communication().status().name()).isEqualTo("DONE");
    assertThat(status.progress().sent()).isEqualTo(jobCount * 2);
    assertThat(status.progress().failed()).isZero();
    assertThat(received.total).isEqualTo(jobCount * 2);
    assertThat(received.duplicates).as("second copies").isZero();
    assertThat(received.seen.cardinality()).as("distinct recipients").isEqualTo(jobCount * 2);

    // the selection alone at a population of its own (default: the send's; -Dbench.communication.selection-recipients=100000)
    int selectionPeople = Math.max(recipients, Integer.getInteger("bench.communication.selection-recipients", recipients));
    int moreJobs = (selectionPeople + 1) / 2 - jobCount;
    for (int n = 0; n < moreJobs; n++) {
      jobs.insert(new org.remoteservices.jobs.api.Job("JS-" + n, "Selection Site " + n, n + " Selection Road",
          new org.remoteservices.jobs.api.Job.Contact("Site " + n, "sel-site-" + n + "@bench.example.com", "+1 555 0101"),
          new org.remoteservices.jobs.api.Job.Contact("Plan " + n, "sel-plan-" + n + "@bench.example.com", "+1 555 0102"),
          LocalDate.of(2031, 1, 1)));
    }
    System.gc();
    HeapSampler selectionHeap = new HeapSampler(Long.getLong("bench.communication.selection-heap-sample-ms", 2_000));
    long q0 = System.nanoTime();
    String selection = communications.send(new CommunicationService.Request("SERVICE_UPDATE", "Selection only", "Selection only.", null, null),
        "bench").id();
    Job select = management.createJobQuery().processDefinitionKey(CommunicationProcess.KEY).executable().list().stream()
        .filter(j -> runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId()).processInstanceBusinessKey(selection)
            .count() == 1)
        .findFirst().orElseThrow();
    management.executeJob(select.getId());
    double selectSeconds = (System.nanoTime() - q0) / 1e9;
    selectionHeap.close();
    int selected = communications.status(selection).progress().recipients();
    System.out.printf("communication bench: selection of %d people in %.1f s; heap used after GC while it ran (s: MB): %s%n", selected,
        selectSeconds, selectionHeap.summary());
    runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey(selection).singleResult().getId(),
        "bench: selection only");
    assertThat(selected).isEqualTo(2 * ((selectionPeople + 1) / 2));
  }

  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  private static final int RAW_BATCH = 500; // a chunk of the send

  /** Hands {@code count} mails of the send's shape to GreenMail through the application's sender; returns the seconds taken. */
  private double rawMails(String subject, int from, int count) throws Exception {
    String text = "Hello Site 1,\n\nVersion 4.2 fixes the scene timer.\n\nNothing to do on your side.\n\nRemote Services\n";
    String html = templates.htmlOf(subject, text);
    long r0 = System.nanoTime();
    List<MimeMessage> batch = new java.util.ArrayList<>();
    for (int n = from; n < from + count; n++) {
      MimeMessage m = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(m, true, "UTF-8");
      helper.setFrom("remote-services@example.com");
      helper.setTo("raw-" + n + "@bench.example.com");
      helper.setSubject(subject);
      helper.setText(text, html);
      batch.add(m);
      if (batch.size() == RAW_BATCH || n == from + count - 1) {
        sender.send(batch.toArray(MimeMessage[]::new)); // one SMTP connection per batch, as the outbox sends a chunk's mails
        batch.clear();
        MAIL.purgeEmailFromAllMailboxes();
      }
    }
    return (System.nanoTime() - r0) / 1e9;
  }

  /**
   * Copies received, counted as they arrive so GreenMail can be emptied: recipient site-N / plan-N is bit 2N / 2N+1 of a
   * bit set (12.5 KB for 100,000 people, so the harness's own memory stays out of the heap figures); a second copy
   * to anyone is counted as a duplicate.
   */
  static final class Tally {
    final java.util.BitSet seen = new java.util.BitSet();
    int total;
    int duplicates;

    void tally(MimeMessage[] messages) throws jakarta.mail.MessagingException {
      for (MimeMessage m : messages) {
        for (jakarta.mail.Address to : m.getAllRecipients()) {
          String address = to.toString();
          int n = Integer.parseInt(address.substring(address.indexOf('-') + 1, address.indexOf('@')));
          int bit = 2 * n + (address.startsWith("site-") ? 0 : 1);
          if (seen.get(bit)) {
            duplicates++;
          }
          seen.set(bit);
        }
        total++;
      }
    }
  }

  /** Heap used right after a full GC, sampled on a thread of its own every {@code everyMs} while a phase runs. */
  static final class HeapSampler implements AutoCloseable {
    private final List<String> samples = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean stop;
    private volatile long max;

    HeapSampler(long everyMs) {
      sample();
      thread = new Thread(() -> {
        while (!stop) {
          try {
            Thread.sleep(everyMs);
          } catch (InterruptedException e) {
            return;
          }
          sample();
        }
      }, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private void sample() {
      System.gc();
      long used = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      max = Math.max(max, used);
      samples.add(String.format("%.0f: %d", (System.nanoTime() - start) / 1e9, used / (1024 * 1024)));
    }

    @Override
    public void close() throws InterruptedException {
      stop = true;
      thread.interrupt();
      thread.join();
      sample();
    }

    String summary() {
      List<String> all;
      synchronized (samples) {
        all = List.copyOf(samples);
      }
      List<String> shown = new java.util.ArrayList<>();
      int step = Math.max(1, all.size() / 12);
      for (int i = 0; i < all.size(); i += step) {
        shown.add(all.get(i));
      }
      if (!shown.get(shown.size() - 1).equals(all.get(all.size() - 1))) {
        shown.add(all.get(all.size() - 1));
      }
      return String.join(", ", shown) + " (" + all.size() + " samples, max " + max / (1024 * 1024) + " MB)";
    }
  }
}
