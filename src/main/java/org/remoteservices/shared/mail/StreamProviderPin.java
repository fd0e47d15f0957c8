package org.remoteservices.shared.mail;

/**
 * Names Jakarta Mail's {@code StreamProvider} implementation in the system property its factory finder reads first.
 *
 * <p>Jakarta Mail 2.1 looks the provider up anew each time it creates a body part, a multipart or a header block, and
 * encodes or decodes a part: without the property, each lookup is a {@link java.util.ServiceLoader} scan of every jar
 * on the class path (jakartaee/mail-api#699 and #861, fixed only in 2.2). Composing one mail with a PDF makes dozens of
 * them; in the benchmark's PostgreSQL profile they were a quarter of all samples, on the job threads, the delivery
 * threads and the SMTP server's side alike (docs/performance.md, "Part D"). With the property set the lookup is a
 * {@code Class.forName} of a class already loaded. It names the class the scan finds (Angus Mail's), so nothing
 * changes but the cost; a value set from outside (a different implementation) is left alone.
 */
final class StreamProviderPin {
  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private StreamProviderPin() {}

  /** Sets the property unless it is set already or Angus Mail is not on the class path. */
  static synchronized void pin() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      Class.forName(ANGUS, false, StreamProviderPin.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return; // another implementation: the factory finder's scan finds it, as without the pin
    }
    System.setProperty(PROPERTY, ANGUS);
  }
}
