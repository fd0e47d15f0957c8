package org.remoteservices.communications.application.port;

/** The {@code communication} process as the use cases see it; implemented in adapter.camunda. */
public interface CommunicationProcessPort {
  /** Starts the instance for this communication (business key = its id). */
  void start(String communicationId, String purpose);

  /** The same, as the system (not with the engine authorizations of whoever's request caused it). */
  void startAsSystem(String communicationId, String purpose);
}
