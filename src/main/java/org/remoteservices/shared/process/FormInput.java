package org.remoteservices.shared.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.remoteservices.shared.web.PlainText;

/**
 * The fields a user task's form submitted, read and checked on the server (Camunda Forms validate only in
 * the browser), then removed from the process. Field names start with {@code input_}; decisions that the
 * model's gateways read (booleans) are ordinary variables and stay (until their task is created again: a create
 * listener removes them, so each round of a task decides for itself and a missing decision is "required").
 *
 * <p>Use in a task's "complete" listener: read every field, call {@link #validate()}, store, {@link #clear()}.
 * A failed validation throws {@link FormFieldValidationException}: the task stays open, nothing is stored,
 * and the engine's REST API answers 400 with the message.
 *
 * <p>Hostile submissions are refused as well: a field that this form does not have ({@code input_*} not read
 * here, or with {@link #of(DelegateTask, Collection)} any variable that is neither read here nor one of the
 * process's own), serialized Java/XML objects, files and bytes where text is expected (read without
 * deserializing them), and text with control, invisible or direction-changing characters ({@link PlainText}).
 */
public final class FormInput {
  public static final String PREFIX = "input_";

  private final VariableScope task;
  private final Collection<String> processVariables;
  private final Map<String, String> problems = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();
  private final List<String> unknown = new ArrayList<>();

  private FormInput(VariableScope task, Collection<String> processVariables) {
    this.task = task;
    this.processVariables = processVariables;
  }

  /** The form's fields; any other {@code input_*} field submitted is refused. */
  public static FormInput of(DelegateTask task) {
    return new FormInput(task, null);
  }

  /** Strict: any variable that is neither read by this form nor one of the process's own variables is refused. */
  public static FormInput of(DelegateTask task, Collection<String> processVariables) {
    return new FormInput(task, List.copyOf(processVariables));
  }

  /**
   * The submitted value without deserializing objects: primitives and JSON (Camunda Forms' checklists) are
   * returned; serialized objects, files and bytes are a problem (and null).
   */
  private Object raw(String field) {
    read.add(field);
    try {
      TypedValue typed = task.getVariableTyped(field, false);
      if (typed == null) {
        return null;
      }
      if (typed instanceof SerializableValue) {
        if (typed.getType() != null && "json".equals(typed.getType().getName())) {
          return task.getVariable(field); // a JSON tree (Spin), no Java types involved
        }
      } else if (typed instanceof PrimitiveValue<?> primitive && !(primitive.getValue() instanceof byte[])) {
        return primitive.getValue();
      } else if (typed.getValue() == null) {
        return null;
      }
      problem(field, "holds a value this form cannot send: reload the page and try again");
      return null;
    } catch (RuntimeException e) {
      problem(field, "holds a value that cannot be read: reload the page and try again");
      return null;
    }
  }

  private void problem(String field, String message) {
    problems.putIfAbsent(field, message);
  }

  /** A start form's fields (Tasklist's "start process" with a Camunda Form), read in an execution listener. */
  public static FormInput of(VariableScope execution) {
    return new FormInput(execution, null);
  }

  public static boolean isFormInput(String variableName) {
    return variableName != null && variableName.startsWith(PREFIX);
  }

  public String requiredText(String field, int maxLength) {
    String value = optionalText(field, maxLength);
    if (value == null) {
      problem(field, "is required: please fill it in");
    }
    return value;
  }

  public String optionalText(String field, int maxLength) {
    Object raw = raw(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      problem(field, "must be text: reload the page and try again");
      return null;
    }
    String value = s.strip();
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > maxLength) {
      problem(field, "is too long: please shorten it to at most " + maxLength + " characters (it has " + value.length() + ")");
      return null;
    }
    if (!PlainText.Validator.isPlain(value, true)) {
      problem(field, "contains characters that cannot be stored (control, invisible or direction-changing characters): "
          + "please type it again instead of pasting it");
      return null;
    }
    return value;
  }

  /** A checkbox form field ({@code input_*}): true only if ticked (true or "true"); absent or empty is false. */
  public boolean optionalCheckbox(String field) {
    Object raw = raw(field);
    if (raw == null || raw instanceof Boolean || (raw instanceof String s && (s.isBlank() || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")))) {
      return Boolean.TRUE.equals(raw) || (raw instanceof String s && s.equalsIgnoreCase("true"));
    }
    problem(field, "must be ticked or not");
    return false;
  }

  /** A decision variable (not removed): true/false, also accepted as the strings "true"/"false". */
  public Boolean requiredBoolean(String variable) {
    Object raw = raw(variable);
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      Boolean value = Boolean.valueOf(s);
      task.setVariable(variable, value); // the gateways compare booleans
      return value;
    }
    problem(variable, raw == null ? "needs an answer: please choose one of the options" : "needs a yes or no answer: please choose one of the options");
    return null;
  }

  /** A checkbox (Camunda Forms always sends it): true/false; missing = false. */
  public boolean optionalBoolean(String field) {
    Object raw = raw(field);
    if (raw == null || raw instanceof Boolean || (raw instanceof String s
        && (s.isBlank() || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")))) {
      return Boolean.TRUE.equals(raw) || "true".equalsIgnoreCase(String.valueOf(raw));
    }
    problem(field, "must be ticked or not ticked: reload the page and try again");
    return false;
  }

  public Integer requiredInt(String field, int min, int max) {
    Object raw = raw(field);
    Integer value = null;
    if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      value = n.intValue();
    } else if (raw instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      value = Integer.valueOf(s.strip());
    }
    if (value == null) {
      problem(field, raw == null ? "is required: please enter a number" : "must be a whole number, like 60");
      return null;
    }
    if (value < min || value > max) {
      problem(field, "must be between " + min + " and " + max + ": please enter a number in that range");
      return null;
    }
    return value;
  }

  /** A date-time as the Camunda Forms datetime field sends it (ISO, with or without offset; no offset = UTC). */
  public Instant requiredInstant(String field) {
    Instant value = optionalInstant(field);
    if (value == null) {
      problem(field, "is required: please enter a date and a time");
    }
    return value;
  }

  public Instant optionalInstant(String field) {
    Object raw = raw(field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    if (raw instanceof java.util.Date d) {
      return d.toInstant();
    }
    String s = raw.toString().strip();
    if (s.length() > 64) {
      problem(field, "must be a date and a time, like 2026-12-01 14:30");
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        problem(field, "must be a date and a time, like 2026-12-01 14:30");
        return null;
      }
    }
  }

  private static final java.util.regex.Pattern LOCAL_MINUTE = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2})");

  /**
   * A date and time typed in a site's zone as {@code yyyy-MM-dd HH:mm} (a text field: Tasklist's date pickers would take
   * the browser's zone), or with an explicit offset ({@code 2026-12-01T14:30Z}, as the API and older forms send it).
   * Refused with a person's sentence: a malformed value, a time the zone skips (clocks go forward) or has twice (clocks
   * go back; then the offset must be given). Never rounded.
   */
  public Instant requiredInstantIn(String field, java.time.ZoneId zone) {
    Instant value = optionalInstantIn(field, zone);
    if (value == null && !problems.containsKey(field)) {
      problem(field, "is required: please enter a date and time like 2026-12-01 14:30 (" + zone.getId() + " time)");
    }
    return value;
  }

  public Instant optionalInstantIn(String field, java.time.ZoneId zone) {
    Object raw = raw(field);
    if (raw == null || (raw instanceof String blank && blank.isBlank())) {
      return null;
    }
    if (raw instanceof java.util.Date d) {
      return d.toInstant();
    }
    String s = raw.toString().strip();
    String like = "must be a date and time like 2026-12-01 14:30 (year-month-day hours:minutes, " + zone.getId() + " time)";
    if (s.length() > 64) {
      problem(field, like);
      return null;
    }
    java.util.regex.Matcher local = LOCAL_MINUTE.matcher(s);
    if (local.matches()) {
      LocalDateTime at;
      try {
        String time = local.group(2).length() == 4 ? "0" + local.group(2) : local.group(2);
        at = LocalDateTime.parse(local.group(1) + "T" + time);
      } catch (DateTimeParseException e) {
        problem(field, like);
        return null;
      }
      List<ZoneOffset> offsets = zone.getRules().getValidOffsets(at);
      if (offsets.isEmpty()) {
        problem(field, "is a time that does not exist in " + zone.getId() + " (the clocks go forward then): please check the time");
        return null;
      }
      if (offsets.size() > 1) {
        problem(field, "is a time that occurs twice in " + zone.getId() + " (the clocks go back then): please add its UTC offset, like "
            + local.group(1) + " " + local.group(2) + offsets.get(0).getId());
        return null;
      }
      return at.atOffset(offsets.get(0)).toInstant();
    }
    try {
      return OffsetDateTime.parse(s.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T")).toInstant();
    } catch (DateTimeParseException e) {
      problem(field, like);
      return null;
    }
  }

  /** A multi-select (checklist) field: a list of allowed values. */
  public List<String> optionalChoices(String field, Collection<String> allowed) {
    Object raw = raw(field);
    List<String> values = new ArrayList<>();
    if (raw == null) {
      return values;
    }
    Collection<?> items;
    if (raw instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
      items = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
    } else if (raw instanceof Collection<?> c) {
      items = c;
    } else if (raw instanceof String s) {
      items = s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*"));
    } else {
      problem(field, "must be a list of choices: reload the page and try again");
      return values;
    }
    for (Object item : items) {
      String value = String.valueOf(item).strip();
      if (!allowed.contains(value)) {
        problem(field, "contains a choice this form does not offer: please choose from the list");
        return List.of();
      }
      if (!values.contains(value)) {
        values.add(value);
      }
    }
    return values;
  }

  /** Adds a problem found by a cross-field rule. */
  public void reject(String field, String message) {
    problems.putIfAbsent(field, message);
  }

  public void validate() {
    for (String name : task.getVariableNames()) {
      boolean known = read.contains(name) || (!isFormInput(name) && (processVariables == null || processVariables.contains(name)));
      if (!known) {
        unknown.add(name.length() > 80 ? name.substring(0, 80) + "..." : name);
      }
    }
    if (!problems.isEmpty() || !unknown.isEmpty()) {
      String first = problems.isEmpty() ? unknown.get(0) : problems.keySet().iterator().next();
      throw FormRefusals.refuse(first, message());
    }
  }

  /**
   * What the person at the form reads: one sentence per field, naming it by the label the form shows
   * ({@link FormLabels}) and saying what to do; no variable names (only a field the form does not have is
   * named as sent, since it has no label: it comes from a stale form or a hand-made request).
   */
  String message() {
    StringBuilder message = new StringBuilder(problems.size() + unknown.size() > 1
        ? "The form could not be completed. Please check these fields:" : "The form could not be completed.");
    problems.forEach((field, problem) -> message.append(' ').append('"').append(shortLabel(field)).append("\" ").append(problem).append('.'));
    if (!unknown.isEmpty()) {
      message.append(" The form sent fields it does not have (").append(String.join(", ", unknown))
          .append("): reload the page and try again.");
    }
    return message.toString();
  }

  /** "Recording reference (GoTo Rescue session id or archive path)" -> "Recording reference". */
  static String shortLabel(String field) {
    String label = FormLabels.of(field);
    String shortened = label.replaceFirst("\\s*\\([^)]*\\)\\s*$", "");
    return shortened.isBlank() ? label : shortened;
  }

  /** Removes every submitted form field from the process (the domain tables now hold the data). */
  public void clear() {
    for (String name : new ArrayList<>(task.getVariableNames())) {
      if (isFormInput(name)) {
        task.removeVariable(name);
      }
    }
  }
}
