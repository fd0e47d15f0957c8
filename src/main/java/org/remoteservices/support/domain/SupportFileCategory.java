package org.remoteservices.support.domain;

/** The support-file categories the privacy notice lists as possibly containing personal data. */
public enum SupportFileCategory {
  QUANTUM_DATABASE("Quantum database"),
  PROCESSOR_EVENT_LOG("Processor event log"),
  GUI_LOGS("GUI logs"),
  TRANSFER_LOGS("Transfer logs"),
  ELMAH_BACKUP("ELMAH database backup"),
  QADMIN_BACKUP("Q-Admin database backup"),
  WINDOWS_EVENT_LOG("Windows event log (System & LSM)"),
  WIRESHARK_CAPTURE("Wireshark capture"),
  ITUNES_LOG("iTunes log (Q-Control app)"),
  LAN_ADDRESS("Local area network address");

  private final String label;

  SupportFileCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
