package org.remoteservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.remoteservices.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every model in bpmn/ is deployed, drawable in Cockpit (a shape or edge for every element), readable (no
 * Modeler default ids, every node named), keeps its history a stated time, and follows the house rules:
 * service tasks are async delegate expressions of existing beans with a retry cycle; user tasks have a
 * Camunda Form that exists and candidate groups.
 */
class ModelsTest extends IntegrationTest {
  private static final Pattern MODELER_ID = Pattern.compile("(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task)_[0-9a-z]{7}");

  @Autowired RepositoryService repository;
  @Autowired ApplicationContext context;

  private static List<Path> modelFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  @Test
  void everyModelFileIsDeployedAsTheLatestVersion() throws IOException {
    List<String> deployed = repository.createProcessDefinitionQuery().latestVersion().list().stream().map(ProcessDefinition::getResourceName).toList();
    assertThat(modelFiles()).isNotEmpty();
    for (Path file : modelFiles()) {
      assertThat(deployed).as("deployed resources").anyMatch(r -> r.endsWith(file.getFileName().toString()));
    }
  }

  @Test
  void everyModelIsDrawableReadableAndFollowsTheHouseRules() throws IOException {
    List<String> problems = new ArrayList<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      String where = definition.getResourceName() + ": ";
      List<String> drawn = new ArrayList<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(where + process.getId() + " has no historyTimeToLive");
        }
      }
      Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
      for (FlowElement element : elements) {
        if (!drawn.contains(element.getId())) {
          problems.add(where + element.getId() + " has no diagram shape or edge");
        }
        if (MODELER_ID.matcher(element.getId()).matches()) {
          problems.add(where + element.getId() + " has a generated id");
        }
        if (element instanceof FlowNode node && !(element instanceof org.camunda.bpm.model.bpmn.instance.Gateway)
            && (node.getName() == null || node.getName().isBlank())) {
          problems.add(where + element.getId() + " has no name");
        }
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        String expression = task.getCamundaDelegateExpression();
        Matcher bean = Pattern.compile("\\$\\{(\\w+)}").matcher(expression == null ? "" : expression);
        if (!bean.matches()) {
          problems.add(where + task.getId() + " is not a ${bean} delegate expression");
        } else if (!context.containsBean(bean.group(1))) {
          problems.add(where + task.getId() + " names a bean that does not exist: " + bean.group(1));
        }
        if (!task.isCamundaAsyncBefore()) {
          problems.add(where + task.getId() + " is not asyncBefore");
        }
        if (task.getExtensionElements() == null || task.getExtensionElements().getElementsQuery()
            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class).count() == 0) {
          problems.add(where + task.getId() + " has no retry cycle");
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaFormRef() == null || !Files.exists(Path.of("bpmn", task.getCamundaFormRef() + ".form"))) {
          problems.add(where + task.getId() + " has no Camunda Form in bpmn/");
        }
        if (task.getCamundaCandidateGroups() == null) {
          problems.add(where + task.getId() + " has no candidate groups");
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (flow.getSource() instanceof org.camunda.bpm.model.bpmn.instance.ExclusiveGateway gateway
            && gateway.getOutgoing().size() > 1 && flow.getConditionExpression() == null) {
          problems.add(where + flow.getId() + " leaves a decision without a condition");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormIsDeployed() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      List<String> forms = files.filter(p -> p.toString().endsWith(".form")).map(p -> p.getFileName().toString()).toList();
      List<String> resources = repository.createDeploymentQuery().list().stream()
          .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
      assertThat(forms).isNotEmpty().allMatch(f -> resources.stream().anyMatch(r -> r.endsWith(f)));
    }
  }

}
