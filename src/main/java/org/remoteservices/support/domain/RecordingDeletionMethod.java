package org.remoteservices.support.domain;

/** How an operator confirms that a recording kept on the remote-session tool's server is gone there. */
public enum RecordingDeletionMethod {
  DELETED_IN_TOOL_CONSOLE("Deleted in the tool's administration console"),
  DELETED_BY_TOOL_VENDOR("Deleted by the tool vendor's support on our request"),
  EXPIRED_ON_SERVER("Already deleted by the server's own retention setting"),
  NOT_FOUND_ON_SERVER("Not found on the server (never stored or deleted before)");

  private final String label;

  RecordingDeletionMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
