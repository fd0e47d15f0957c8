package org.remoteservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.adapter.camunda.RecordRetentionProcess;
import org.remoteservices.communications.adapter.camunda.CommunicationProcess;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess;
import org.remoteservices.shared.process.ProcessVariable;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The constants classes say what the code believes the models contain: every element id exists in its deployed
 * model, every message name is a message of that model, every typed variable is read or written somewhere in it
 * (an expression, a multi-instance element variable, an input or output) or at least listed in the model's documentation
 * of its variables (the start variable {@code supportRequestId} is read by nobody in the model, only by people in Cockpit). A renamed element in a model, or a
 * constant left behind, fails here instead of in a delegate at run time.
 */
class ProcessConstantsTest extends IntegrationTest {
  @Autowired RepositoryService repository;

  @Test
  void remoteSupportConstantsExistInTheirModels() throws Exception {
    assertElements(RemoteSupportProcess.KEY, RemoteSupportProcess.Elements.class);
    assertElements(RemoteSupportProcess.RecordingRetention.KEY, RemoteSupportProcess.RecordingRetention.class);
    assertMessages(RemoteSupportProcess.KEY, RemoteSupportProcess.class);
    assertVariables(List.of(RemoteSupportProcess.KEY), RemoteSupportProcess.Vars.class);
    assertVariables(List.of(RemoteSupportProcess.RecordingRetention.KEY), RemoteSupportProcess.RecordingRetention.Vars.class);
    assertElements(RemoteSupportProcess.SupportFileSharing.KEY, RemoteSupportProcess.SupportFileSharing.class);
    assertVariables(List.of(RemoteSupportProcess.SupportFileSharing.KEY), RemoteSupportProcess.SupportFileSharing.Vars.class);
  }

  @Test
  void recordRetentionConstantsExistInTheirModel() throws Exception {
    assertElements(RecordRetentionProcess.KEY, RecordRetentionProcess.Elements.class);
    assertMessages(RecordRetentionProcess.KEY, RecordRetentionProcess.class);
    assertVariables(List.of(RecordRetentionProcess.KEY), RecordRetentionProcess.Vars.class);
  }

  @Test
  void privacyConstantsExistInTheirModels() throws Exception {
    assertElements(PrivacyProcess.KEY, PrivacyProcess.Elements.class);
    assertElements(PrivacyProcess.RIGHT_KEY, PrivacyProcess.RightElements.class);
    assertElements(PrivacyProcess.RestrictionLift.KEY, PrivacyProcess.RestrictionLift.class);
    assertMessages(PrivacyProcess.KEY, PrivacyProcess.class);
    assertVariables(List.of(PrivacyProcess.KEY, PrivacyProcess.RIGHT_KEY), PrivacyProcess.Vars.class);
  }

  @Test
  void communicationConstantsExistInTheirModel() throws Exception {
    assertElements(CommunicationProcess.KEY, CommunicationProcess.Elements.class);
    assertVariables(List.of(CommunicationProcess.KEY), CommunicationProcess.Vars.class);
    assertElements(org.remoteservices.communications.adapter.camunda.WarrantyRemindersProcess.KEY,
        org.remoteservices.communications.adapter.camunda.WarrantyRemindersProcess.Elements.class);
  }

  @Test
  void mailDeliveryConstantsExistInTheirModel() throws Exception {
    assertElements(org.remoteservices.shared.mail.camunda.MailDeliveryProcess.KEY, org.remoteservices.shared.mail.camunda.MailDeliveryProcess.Elements.class);
  }

  @Test
  void aConstantThatIsNotInTheModelIsFound() {
    // a check of the check: a made-up element id is not in the model
    assertThat((Object) model(RemoteSupportProcess.KEY).getModelElementById("userTask_doesNotExist")).isNull();
  }

  private void assertElements(String processKey, Class<?> constants) throws IllegalAccessException {
    BpmnModelInstance model = model(processKey);
    List<String> missing = new ArrayList<>();
    List<String> ids = stringConstants(constants, name -> !name.equals("KEY"));
    for (String id : ids) {
      if (!(model.getModelElementById(id) instanceof BaseElement)) {
        missing.add(id);
      }
    }
    assertThat(ids).as(constants.getSimpleName() + " names elements").isNotEmpty();
    assertThat(missing).as("element ids in " + constants.getName() + " that " + processKey + " does not have").isEmpty();
  }

  private void assertMessages(String processKey, Class<?> constants) throws IllegalAccessException {
    Set<String> messages = model(processKey).getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
    List<String> names = stringConstants(constants, name -> name.startsWith("MESSAGE_"));
    assertThat(names).isNotEmpty();
    assertThat(messages).as("messages of " + processKey).containsAll(names);
  }

  private void assertVariables(List<String> processKeys, Class<?> vars) throws IllegalAccessException {
    // used by a model or by one of the Camunda Forms its user tasks show (a flag that only shapes a form counts)
    String xml = processKeys.stream().map(this::xml).collect(Collectors.joining("\n")) + "\n" + forms();
    List<String> unused = new ArrayList<>();
    int count = 0;
    for (Field field : vars.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
        count++;
        String name = ((ProcessVariable<?>) field.get(null)).name();
        if (!Pattern.compile("[\"{\\s(!]" + Pattern.quote(name) + "[\"}\\s)=.,;]").matcher(xml).find()) {
          unused.add(name);
        }
      }
    }
    assertThat(count).as("typed variables in " + vars.getName()).isPositive();
    assertThat(unused).as("variables the models " + processKeys + " never use").isEmpty();
  }

  private static List<String> stringConstants(Class<?> type, java.util.function.Predicate<String> nameFilter) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && nameFilter.test(field.getName())) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  private BpmnModelInstance model(String processKey) {
    return repository.getBpmnModelInstance(definitionId(processKey));
  }

  private static String forms() {
    try {
      StringBuilder all = new StringBuilder();
      for (var form : new org.springframework.core.io.support.PathMatchingResourcePatternResolver().getResources("classpath*:*.form")) {
        try (var in = form.getInputStream()) {
          all.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        }
      }
      return all.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String xml(String processKey) {
    try (var in = repository.getProcessModel(definitionId(processKey))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String definitionId(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult().getId();
  }
}
