package org.remoteservices.bench;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the benchmark's JVM. Each delivery is time-stamped when GreenMail hands the
 * message over for the recipient ("delivered") and queued for the simulated customer who {@link #expect expects}
 * mail, and who reads the link out of the body; mails to anyone else are only counted. Nothing goes into GreenMail's
 * mailboxes: storing a copy for IMAP (parsing its MIME structure again) is the recipients' mail servers' work, not
 * the application's, and took a third of GreenMail's CPU in the profile; the benchmark's heap stays the
 * application's without a purger.
 */
public final class MailSink implements AutoCloseable {
  public record Delivered(MimeMessage message, long nanos) {
    public String subject() {
      try {
        return message.getSubject();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    public String text() {
      return MailSink.text(message);
    }

    public String linkToken(String pathPrefix) {
      Matcher m = Pattern.compile(Pattern.quote(pathPrefix) + "([A-Za-z0-9_-]{43})").matcher(MailSink.text(message));
      if (!m.find()) {
        throw new IllegalStateException("no link " + pathPrefix + " in '" + subject() + "'");
      }
      return m.group(1);
    }
  }

  private final GreenMail greenMail;
  private final int port;
  private final ConcurrentHashMap<String, BlockingQueue<Delivered>> byRecipient = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, java.util.List<Delivered>> skipped = new ConcurrentHashMap<>();
  private final AtomicLong delivered = new AtomicLong();

  public MailSink() {
    port = freePort();
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    greenMail.getUserManager().setMessageDeliveryHandler((msg, address) -> {
      long now = System.nanoTime();
      delivered.incrementAndGet();
      BlockingQueue<Delivered> expecting = byRecipient.get(address.getEmail().toLowerCase(Locale.ROOT));
      if (expecting != null) {
        expecting.add(new Delivered(msg.getMessage(), now));
      }
      return new Recipient(address.getEmail());
    });
  }

  /** Who a message went to, with no mailbox: GreenMail's delivery to it keeps nothing. */
  private record Recipient(String email) implements GreenMailUser {
    @Override public String getEmail() { return email; }
    @Override public String getLogin() { return email; }
    @Override public void deliver(MovingMessage message) { }
    @Override public void deliver(MimeMessage message) { }
    @Override public void create() { }
    @Override public void delete() { }
    @Override public String getPassword() { return null; }
    @Override public void setPassword(String password) { }
    @Override public void authenticate(String password) { }
    @Override public String getQualifiedMailboxName() { return email; }
  }

  public int port() {
    return port;
  }

  public long deliveredCount() {
    return delivered.get();
  }

  private BlockingQueue<Delivered> queue(String email) {
    return byRecipient.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> new LinkedBlockingQueue<>());
  }

  /**
   * The next mail to this recipient whose subject contains the text. Other mails to them are kept for a later call:
   * mails of different steps may arrive in either order.
   */
  public Delivered await(String recipient, String subjectPart, long timeoutMillis) throws InterruptedException {
    BlockingQueue<Delivered> queue = queue(recipient);
    java.util.List<Delivered> kept = skipped.computeIfAbsent(recipient.toLowerCase(Locale.ROOT), k -> new java.util.concurrent.CopyOnWriteArrayList<>());
    for (Delivered d : kept) {
      if (d.subject().contains(subjectPart) && kept.remove(d)) {
        return d;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      long left = deadline - System.nanoTime();
      Delivered d = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
      if (d == null) {
        throw new IllegalStateException("no mail '" + subjectPart + "' for " + recipient);
      }
      if (d.subject().contains(subjectPart)) {
        return d;
      }
      kept.add(d);
    }
  }

  /**
   * From now on, mails to this recipient are kept for {@link #await} (any kept before are dropped). Mails to anyone
   * nobody expects (a job's contacts, staff) are counted and dropped. Until 2026-12-02 they were kept for the whole
   * run, never read: about three messages of a few kB per real lifecycle (the invitation to the scheduling contact,
   * the work order to both contacts), some 11,000 in a default run, in the benchmark's 1 GiB heap beside the
   * applications.
   */
  public void expect(String recipient) {
    byRecipient.put(recipient.toLowerCase(Locale.ROOT), new LinkedBlockingQueue<>());
    skipped.remove(recipient.toLowerCase(Locale.ROOT));
  }

  public void forget(String recipient) {
    byRecipient.remove(recipient.toLowerCase(Locale.ROOT));
    skipped.remove(recipient.toLowerCase(Locale.ROOT));
  }

  public void reset() {
    byRecipient.clear();
    skipped.clear();
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  static String text(Part part) {
    try {
      Object content = part.getContent();
      if (content instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart p = mp.getBodyPart(i);
          if (p.getFileName() == null) {
            String t = text(p);
            if (!t.isEmpty()) {
              return t;
            }
          }
        }
        return "";
      }
      return part.isMimeType("text/plain") ? content.toString() : "";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
