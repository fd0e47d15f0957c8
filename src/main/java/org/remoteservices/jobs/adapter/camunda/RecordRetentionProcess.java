package org.remoteservices.jobs.adapter.camunda;

import static org.remoteservices.shared.process.ProcessVariable.booleanVariable;

import org.remoteservices.shared.process.ProcessVariable;

/** Names of the {@code record-retention} model (one instance per job, business key = job number). */
public final class RecordRetentionProcess {
  public static final String KEY = "record-retention";

  /** Correlated when an operator changes the job's obsolescence date: the timer is evaluated again. */
  public static final String MESSAGE_OBSOLESCENCE_DATE_CHANGED = "RecordRetention.ObsolescenceDateChanged";

  /** Variables: a decision only. */
  public static final class Vars {
    /** Set by the destruction step: a legal hold kept some of the job's case records (the model waits and tries again). */
    public static final ProcessVariable<Boolean> RECORDS_KEPT = booleanVariable("recordsKept");

    private Vars() {}
  }

  /** Element ids, as tests and Cockpit see them. */
  public static final class Elements {
    public static final String START = "startEvent_jobRegistered";
    public static final String AWAIT_RETENTION_END = "eventGateway_awaitRetentionEnd";
    public static final String RETENTION_ELAPSED = "event_retentionElapsed";
    public static final String OBSOLESCENCE_DATE_CHANGED = "event_obsolescenceDateChanged";
    public static final String DESTROY_CASE_RECORDS = "serviceTask_destroyCaseRecords";
    public static final String RECORDS_KEPT_GATEWAY = "gateway_recordsKept";
    public static final String RECORDS_DESTROYED = "endEvent_recordsDestroyed";

    private Elements() {}
  }

  private RecordRetentionProcess() {}
}
