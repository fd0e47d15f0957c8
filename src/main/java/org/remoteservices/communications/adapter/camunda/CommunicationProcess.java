package org.remoteservices.communications.adapter.camunda;

import static org.remoteservices.shared.process.ProcessVariable.stringVariable;

import org.remoteservices.shared.process.ProcessVariable;

/** Names of the {@code communication} model: key, element ids, variables, form fields. */
public final class CommunicationProcess {
  public static final String KEY = "communication";
  /** The candidate group of the sales-call tasks. */
  public static final String SALES_GROUP = "sales";

  public static final class Elements {
    public static final String START = "startEvent_communicationRequested";
    public static final String SELECT_RECIPIENTS = "serviceTask_selectRecipients";
    public static final String GATEWAY_SALES_CALL = "gateway_salesCall";
    public static final String SEND_CHUNK = "serviceTask_sendChunk";
    public static final String CALL_CONTACT = "userTask_callContact";
    public static final String JOIN = "gateway_sendsDone";
    public static final String COMPLETE = "serviceTask_completeCommunication";
    public static final String END = "endEvent_communicationSent";

    private Elements() {}
  }

  /** Variables: the id and the purpose only (the gateway's decision). */
  public static final class Vars {
    public static final ProcessVariable<String> COMMUNICATION_ID = stringVariable("communicationId");
    public static final ProcessVariable<String> PURPOSE = stringVariable("purpose");

    private Vars() {}
  }

  /** The start form's fields. */
  public static final class Fields {
    public static final String PURPOSE = "input_purpose";
    public static final String SUBJECT = "input_subject";
    public static final String BODY = "input_body";
    public static final String JOB_NUMBERS = "input_jobNumbers";
    public static final String NOTICE_VERSION = "input_noticeVersion";

    private Fields() {}
  }

  /** The multi-instance counter the engine sets on each chunk and call task. */
  static final String LOOP_COUNTER = "loopCounter";

  private CommunicationProcess() {}
}
