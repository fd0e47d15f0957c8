package org.remoteservices.support.adapter.camunda;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.process.FormInput;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.SupportFileSharing;
import org.remoteservices.support.application.SupportFileSharingService;
import org.springframework.stereotype.Component;

/**
 * A technician started support-file-sharing from Tasklist: the start form's case, register entry and files are checked
 * and the share recorded by {@link SupportFileSharingService} (a refusal is the form's message, nothing is stored); the
 * share id becomes the business key and the only variable.
 */
@Component
public class RecordSupportFileShareListener implements ExecutionListener {
  private final SupportFileSharingService sharing;

  public RecordSupportFileShareListener(SupportFileSharingService sharing) {
    this.sharing = sharing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormInput form = FormInput.of((VariableScope) execution);
    String caseNumber = form.requiredText(SupportFileSharing.Fields.CASE_NUMBER, 40);
    String recipientId = form.requiredText(SupportFileSharing.Fields.RECIPIENT_ID, 36);
    String files = form.requiredText(SupportFileSharing.Fields.SUPPORT_FILE_IDS, 4000);
    form.validate();
    List<String> fileIds = Arrays.stream(files.split("[,;\\s]+")).filter(f -> !f.isBlank()).toList();
    String shareId;
    try {
      shareId = sharing.share(caseNumber, recipientId, fileIds);
    } catch (SupportFileSharingService.Refused e) {
      throw new FormFieldValidationException(FormInput.PREFIX + e.field(), e.getMessage());
    } catch (DomainException e) {
      throw new FormFieldValidationException(SupportFileSharing.Fields.CASE_NUMBER, e.getMessage());
    }
    form.clear();
    execution.setProcessBusinessKey(shareId);
    SupportFileSharing.Vars.SHARE_ID.on(execution, shareId);
  }
}
