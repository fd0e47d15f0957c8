package org.remoteservices.shared.process;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level "full", except for task form input. A user task's form submits its fields as variables
 * named {@code input_*}; a listener moves them into the domain tables and removes them before the task
 * completes. This level keeps them out of the history tables (ACT_HI_VARINST, ACT_HI_DETAIL) as well, so
 * free text a technician types about a customer never lands in the engine's tables at all. Form submissions
 * are not copied into history field by field (FORM_PROPERTY_UPDATE) either.
 */
public class FormInputFreeHistoryLevel implements HistoryLevel {
  public static final String NAME = "full-no-form-input";
  public static final int ID = 99;

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
      // a submitted form would be copied field by field into ACT_HI_DETAIL; the variables it sets
      // (decisions) are recorded as variable updates anyway
      return false;
    }
    if (entity instanceof VariableInstanceEntity variable && FormInput.isFormInput(variable.getName())) {
      return false;
    }
    return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }
}
