package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.RightElements;
import org.remoteservices.privacy.application.AccessService;
import org.remoteservices.privacy.application.RecipientRegister;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.SupportFileSharing;
import org.remoteservices.testsupport.Mails.Mail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Sharing support files with the contractor abroad is a technician task that records what went to whom against the
 * register": the support-file-sharing start form, its refusals (each opt-out, a missing safeguard, a file not the case's),
 * the record in the access report ("who received my data") and the Art. 19 notice to the contractor that received data only.
 */
class SupportFileSharingTest extends PrivacyTestSupport {
  @Autowired RecipientRegister register;
  @Autowired IdentityService identity;
  @Autowired AccessService access;

  private String entry(String role, String country, String safeguard) {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    return register.add(new RecipientRegister.Entry(role.charAt(0) + role.substring(1).toLowerCase() + " " + suffix, role, country,
        List.of("support files"), "legitimate interest in solving select technical issues (Art. 6(1)(f))", safeguard,
        "privacy-" + suffix + "@recipient.example.com")).id();
  }

  private String contractor() {
    return entry("CONTRACTOR", "IN", "EU standard contractual clauses (Commission Decision 2021/914), module 2");
  }

  private String caseNumber(Subject s) {
    return String.format("RS-%06d", jdbc.sql("select case_seq from support_request where id = ?").param(s.supportRequestId())
        .query(Long.class).single());
  }

  private List<String> filesOf(String supportRequestId) {
    return jdbc.sql("select id from support_file where support_request_id = ? order by id").param(supportRequestId).query(String.class).list();
  }

  /** What a technician submits in Tasklist (the start form), as that technician. */
  private ProcessInstance share(String caseNumber, String recipientId, String fileIds) {
    Map<String, Object> form = new HashMap<>();
    form.put(SupportFileSharing.Fields.CASE_NUMBER, caseNumber);
    form.put(SupportFileSharing.Fields.RECIPIENT_ID, recipientId);
    form.put(SupportFileSharing.Fields.SUPPORT_FILE_IDS, fileIds);
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(SupportFileSharing.KEY).latestVersion().singleResult()
        .getId();
    identity.setAuthentication("techshare", List.of(Groups.TECHNICIANS));
    try {
      return forms.submitStartForm(definition, form);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  private int shares(String supportRequestId) {
    return jdbc.sql("select count(*) from support_file_share where support_request_id = ?").param(supportRequestId).query(Integer.class).single();
  }

  @Test
  void aTechnicianSharesTheCasesFiles_recordedAgainstTheRegister_reportedAndToldOfAnErasureOrRestriction() {
    Subject s = subject("Sana Shared");
    throughWorkOrder(s);
    List<String> files = filesOf(s.supportRequestId());
    assertThat(files).hasSize(2);
    String contractor = contractor();
    String processor = entry("PROCESSOR", "DE", null); // in the register, receives nothing of this case

    ProcessInstance instance = share(caseNumber(s), contractor, String.join(", ", files));
    assertThat(instance).isEnded();
    String shareId = instance.getBusinessKey();
    assertThat(history().createHistoricProcessInstanceQuery().processDefinitionKey(SupportFileSharing.KEY).processInstanceBusinessKey(shareId)
        .singleResult()).isNotNull();
    assertThat(history().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(v -> v.getName()).containsExactly(SupportFileSharing.Vars.SHARE_ID.name()); // no form input, no personal data
    List<Map<String, Object>> rows = jdbc.sql("select support_file_id, recipient_id, recipient_country, transfer_safeguard, shared_by, shared_at "
        + "from support_file_share where share_id = ?").param(shareId).query().listOfRows();
    assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("RECIPIENT_ID", contractor).containsEntry("RECIPIENT_COUNTRY", "IN")
        .containsEntry("SHARED_BY", "techshare"));
    assertThat(rows).extracting(r -> r.get("SUPPORT_FILE_ID")).containsExactlyInAnyOrderElementsOf(files);
    assertThat(rows.get(0).get("TRANSFER_SAFEGUARD").toString()).contains("standard contractual clauses");

    // "tell me who received my data": the entries that received it, beside the whole register
    String accessRequest = confirmedRequest(List.of(PrivacyRight.ACCESS), s, null, Jurisdiction.EU);
    var data = access.subjectData(privacyRequests.get(accessRequest));
    assertThat(data.get("support_file_shares")).hasSize(2);
    String contractorName = register.find(contractor).orElseThrow().name();
    String processorName = register.find(processor).orElseThrow().name();
    assertThat(data.get("registerRecipientsThatReceivedYourData")).extracting(r -> r.get("recipient")).containsExactly(contractorName);
    assertThat(data.get("recipientRegister")).extracting(r -> r.get("recipient")).contains(contractorName, processorName);
    assertThat(data.get("recipients")).extracting(r -> r.get("email")).contains(register.find(contractor).orElseThrow().contactEmail())
        .doesNotContain(register.find(processor).orElseThrow().contactEmail());

    // Art. 19: the contractor that received the files is told, with its receipt link; the processor that received nothing is not
    String restriction = confirmedRequest(List.of(PrivacyRight.RESTRICTION), s, null, Jurisdiction.EU);
    complete(restriction, RightElements.DECIDE_RESTRICTED_WORK, Map.of(Fields.RESTRICTION_REASON, "the work order is done"));
    List<Mail> toContractor = mailsTo(register.find(contractor).orElseThrow().contactEmail());
    assertThat(toContractor).anySatisfy(m -> assertThat(m.body()).contains("/portal/privacy/receipt/").doesNotContain(s.name()));
    assertThat(mailsTo(register.find(processor).orElseThrow().contactEmail())).isEmpty();
    // and now restricted, nothing more goes to contractors
    assertThatThrownBy(() -> share(caseNumber(s), contractor, files.get(0))).hasMessageContaining("does not allow");
    assertThat(shares(s.supportRequestId())).isEqualTo(2);
  }

  @Test
  void eachOptOutObjectionAndRestrictionRefusesTheShare() {
    String contractor = contractor();
    for (PrivacyRight right : List.of(PrivacyRight.OPT_OUT_OF_SALE, PrivacyRight.LIMIT_SENSITIVE, PrivacyRight.WITHDRAW_CONSENT,
        PrivacyRight.OBJECTION, PrivacyRight.RESTRICTION)) {
      Subject s = subject("Opt " + right.name().toLowerCase().replace('_', ' '));
      String fileId = UUID.randomUUID().toString();
      // before the choice, the share is refused only for the file that is not the case's
      assertThatThrownBy(() -> share(caseNumber(s), contractor, fileId)).as(right.name()).hasMessageContaining("is not a support file of");
      if (right.isConsentChoice()) {
        request(List.of(right), s.name(), s.email(), null, null, Jurisdiction.US_CA);
      } else {
        String id = confirmedRequest(List.of(right), s, null, Jurisdiction.EU);
        if (right == PrivacyRight.RESTRICTION) {
          complete(id, RightElements.DECIDE_RESTRICTED_WORK, Map.of(Fields.RESTRICTION_REASON, "nothing open"));
        }
      }
      assertThatThrownBy(() -> share(caseNumber(s), contractor, fileId)).as(right.name())
          .hasMessageStartingWith("caseNumber:").hasMessageContaining("does not allow their data to go to contractors");
      assertThat(shares(s.supportRequestId())).isZero();
    }
  }

  @Test
  void noShareWithoutTheSafeguardToAContractorOutsideTheCaseOrByAStranger() {
    Subject s = subject("Nora Nosafeguard");
    throughWorkOrder(s);
    List<String> files = filesOf(s.supportRequestId());
    // an entry for the United States without its standard contractual clauses (as the register refuses it, entered behind its back)
    String unsafe = UUID.randomUUID().toString();
    jdbc.sql("insert into privacy_recipient_register (id, name, role, country, data_categories, legal_basis, contact_email, created_at, updated_at) "
        + "values (?, 'Lab without SCCs', 'CONTRACTOR', 'US', 'support files', 'contract', 'lab@example.com', current_timestamp, current_timestamp)")
        .param(unsafe).update();
    assertThatThrownBy(() -> share(caseNumber(s), unsafe, files.get(0))).hasMessageStartingWith("recipientId:")
        .hasMessageContaining("no transfer safeguard");
    assertThatThrownBy(() -> share(caseNumber(s), entry("PROCESSOR", "DE", null), files.get(0))).hasMessageContaining("not a contractor");
    assertThatThrownBy(() -> share(caseNumber(s), UUID.randomUUID().toString(), files.get(0))).hasMessageContaining("recipient register");
    String contractor = contractor();
    assertThatThrownBy(() -> share("RS-999999999", contractor, files.get(0))).hasMessageContaining("no case");
    Subject other = subject("Otis Other");
    throughWorkOrder(other);
    assertThatThrownBy(() -> share(caseNumber(s), contractor, files.get(0) + "," + filesOf(other.supportRequestId()).get(0)))
        .hasMessageStartingWith("supportFileIds:").hasMessageContaining("is not a support file of " + caseNumber(s));
    assertThatThrownBy(() -> share(caseNumber(s), contractor, " , ")).hasMessageStartingWith("supportFileIds:");
    assertThat(shares(s.supportRequestId())).isZero();
    assertThat(history().createHistoricProcessInstanceQuery().processDefinitionKey(SupportFileSharing.KEY).processInstanceBusinessKey(
        caseNumber(s)).count()).isZero();
    // not a technician: the engine refuses the start (no CREATE_INSTANCE grant), and the use case refuses without one
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(SupportFileSharing.KEY).latestVersion().singleResult().getId();
    identity.setAuthentication("officer-x", List.of(Groups.PRIVACY_OFFICERS));
    try {
      assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of(SupportFileSharing.Fields.CASE_NUMBER, caseNumber(s),
          SupportFileSharing.Fields.RECIPIENT_ID, contractor, SupportFileSharing.Fields.SUPPORT_FILE_IDS, files.get(0))));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(shares(s.supportRequestId())).isZero();
  }

  private org.camunda.bpm.engine.HistoryService history() {
    return engine.getHistoryService();
  }
}
