package org.remoteservices.shared.process;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable (the idea of holunda's camunda-bpm-data, which does not resolve here): one constant
 * per variable names it and says its type, so {@code Vars.RIGHT.from(execution)} replaces
 * {@code PrivacyRight.valueOf((String) execution.getVariable("right"))} scattered around. A missing required
 * variable fails fast with its name.
 *
 * @param <T> the type the process code works with (enums are stored as their name, so Cockpit shows them)
 */
public final class ProcessVariable<T> {
  private final String name;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
    this.name = name;
    this.read = read;
    this.write = write;
  }

  public static ProcessVariable<String> stringVariable(String name) {
    return new ProcessVariable<>(name, value -> (String) value, value -> value);
  }

  public static ProcessVariable<Boolean> booleanVariable(String name) {
    return new ProcessVariable<>(name, value -> (Boolean) value, value -> value);
  }

  public static <E extends Enum<E>> ProcessVariable<E> enumVariable(String name, Class<E> type) {
    return new ProcessVariable<>(name, value -> Enum.valueOf(type, (String) value), Enum::name);
  }

  public String name() {
    return name;
  }

  /** The value in this scope (its own or inherited from a parent scope); fails fast when it is missing. */
  public T from(VariableScope scope) {
    return optionalFrom(scope).orElseThrow(() -> new IllegalStateException("process variable " + name + " is missing"));
  }

  public Optional<T> optionalFrom(VariableScope scope) {
    Object value = scope.getVariable(name);
    return value == null ? Optional.empty() : Optional.of(read.apply(value));
  }

  public void on(VariableScope scope, T value) {
    scope.setVariable(name, write.apply(Objects.requireNonNull(value, name)));
  }

  /** Puts the value into a variables map (to start an instance or complete a task with). */
  public Map<String, Object> into(Map<String, Object> variables, T value) {
    variables.put(name, write.apply(Objects.requireNonNull(value, name)));
    return variables;
  }

  @Override
  public String toString() {
    return name;
  }
}
