package org.remoteservices.shared.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Camunda's permissions cannot say about the engine REST API, said here, on both of its mounts
 * ({@code /engine-rest} and the webapps' own {@code /camunda/api/engine}); docs/security.md, "Roles".
 *
 * <p>A candidate group needs TASK_WORK to claim and complete its tasks, and Camunda lets TASK_WORK also throw a BPMN
 * error or escalation from the task (either ends or diverts the case). Message correlation, a signal or a triggered
 * subscription moves a case past a wait that the model guards (the signed RSSV). Setting a job's retries may also
 * set its due date, which runs a timer early. A start may begin at any activity. So the operations in
 * {@link #OPERATIONS} are refused (403, the engine REST API's {@code {"type":"AuthorizationException",...}}) to
 * everyone but:
 * <ul>
 *   <li>{@link Who#ADMINS}: {@code camunda-admin} only: operations that leave no user-operation-log entry
 *       (so no annotation could explain them), and starts with instructions or skipped listeners;</li>
 *   <li>{@link Who#ADMINISTRATORS}: {@code camunda-admin}, and {@code processadmins} with a reason: the request's
 *       {@code "annotation"} field where the endpoint has one (modification), else the header
 *       {@value #ANNOTATION_HEADER} (UTF-8, percent-encoded where it is not ASCII), which
 *       {@link OperationLogAnnotations} writes into the operation's log entries;</li>
 *   <li>{@link Who#NOT_PROCESS_ADMINS}: anyone but process administrators (their CREATE_INSTANCE grant exists
 *       for restarts only; permissions decide the rest).</li>
 * </ul>
 * Everything else passes to Camunda's authorizations unchanged. The caller is the authenticated user of the engine
 * the request addresses ({@code /engine-rest}: set by the authentication filter before this one), or on the webapps'
 * mount, where Camunda's own authentication filter runs after this one, the webapp session's login.
 */
public class EngineRestOperationGuard extends OncePerRequestFilter {
  public static final String ANNOTATION_HEADER = OperationAnnotation.HEADER;
  static final int MAX_BODY_BYTES = 11 * 1024 * 1024; // spring.servlet.multipart.max-request-size

  /** Who may perform a guarded operation. */
  public enum Who {
    ADMINS, ADMINISTRATORS, NOT_PROCESS_ADMINS
  }

  /** A condition on the JSON body (and the caller): true if the request is the guarded operation. */
  @FunctionalInterface
  interface BodyCondition {
    boolean test(JsonNode body, Caller caller);
  }

  /** A guarded operation: methods and path (relative to the REST root and engine), who may, and whether its body names its reason. */
  record Operation(String name, Set<String> methods, Pattern path, Who who, BodyCondition when, boolean annotationField) {
    Operation(String name, Set<String> methods, String path, Who who) {
      this(name, methods, Pattern.compile(path), who, null, false);
    }

    /** Correlations, signals and triggers: Camunda writes no operation-log entry for them. */
    boolean unlogged() {
      return who == Who.ADMINS && when == null;
    }

    boolean matches(String method, String restPath) {
      return methods.contains(method) && path.matcher(restPath).matches();
    }
  }

  record Caller(String userId, List<String> groups) {
    boolean admin() {
      return groups.contains(Groups.ADMINS);
    }

    boolean processAdmin() {
      return groups.contains(Groups.PROCESS_ADMINS);
    }
  }

  static final String ID = "[^/]+";
  static final String DEFINITION = "(?:key/" + ID + "(?:/tenant-id/" + ID + ")?|" + ID + ")";
  static final Set<String> POST = Set.of("POST");
  static final Set<String> PUT = Set.of("PUT");
  static final Set<String> DELETE = Set.of("DELETE");
  static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE");

  /** The guarded operations; the first that matches decides. Paths are relative to {@code /engine-rest} (or {@code .../engine/{name}}). */
  static final List<Operation> OPERATIONS = List.of(
      // no operation-log entry to annotate (Camunda logs only correlate-all and the batch): administrators only
      new Operation("message correlation", POST, "/message", Who.ADMINS),
      new Operation("message correlation (batch)", POST, "/process-instance/message-async", Who.ADMINS),
      new Operation("signal", POST, "/signal", Who.ADMINS),
      new Operation("signal an execution", POST, "/execution/" + ID + "/signal", Who.ADMINS),
      new Operation("trigger a message subscription", POST, "/execution/" + ID + "/messageSubscriptions/" + ID + "/trigger", Who.ADMINS),
      new Operation("start with instructions or skipped listeners", POST, Pattern.compile("/process-definition/" + DEFINITION + "/start"),
          Who.ADMINS, (body, caller) -> body.path("startInstructions").size() > 0 || body.path("skipCustomListeners").asBoolean(false)
              || body.path("skipIoMappings").asBoolean(false) || !body.isObject(), false),
      new Operation("process start", POST, "/process-definition/" + DEFINITION + "/(?:start|submit-form)", Who.NOT_PROCESS_ADMINS),

      // interventions in running cases: administrators, and process administrators with a reason
      new Operation("process instance modification", POST, Pattern.compile("/process-instance/" + ID + "/modification(?:-async)?"),
          Who.ADMINISTRATORS, null, true),
      new Operation("process instance modification (batch)", POST, Pattern.compile("/modification/execute(?:Async)?"),
          Who.ADMINISTRATORS, null, true),
      new Operation("process instance migration", POST, "/migration/execute(?:Async)?", Who.ADMINISTRATORS),
      new Operation("process instance deletion", DELETE, "/process-instance/" + ID, Who.ADMINISTRATORS),
      new Operation("process instance deletion (batch)", POST, "/process-instance/delete(?:-historic-query-based)?", Who.ADMINISTRATORS),
      new Operation("process instance suspension", PUT, "/process-instance/(?:" + ID + "/)?suspended", Who.ADMINISTRATORS),
      new Operation("process instance suspension (batch)", POST, "/process-instance/suspended-async", Who.ADMINISTRATORS),
      new Operation("process definition suspension", PUT, "/process-definition/(?:" + DEFINITION + "/)?suspended", Who.ADMINISTRATORS),
      new Operation("process instance restart", POST, "/process-definition/" + DEFINITION + "/restart(?:-async)?", Who.ADMINISTRATORS),
      new Operation("variable write", WRITES, "/(?:process-instance|execution|task)/" + ID + "/(?:variables|localVariables)(?:/" + ID + "(?:/data)?)?",
          Who.ADMINISTRATORS),
      new Operation("variable write (batch)", POST, "/process-instance/variables-async", Who.ADMINISTRATORS),
      new Operation("job execution", POST, "/job/" + ID + "/execute", Who.ADMINISTRATORS),
      new Operation("job due date", Set.of("PUT", "POST"), "/job/" + ID + "/duedate(?:/recalculate)?", Who.ADMINISTRATORS),
      new Operation("job retries with a due date", Set.of("PUT", "POST"),
          Pattern.compile("/job/" + ID + "/retries|/job/retries|/job-definition/" + ID + "/retries|/process-instance/job-retries(?:-historic-query-based)?"),
          Who.ADMINISTRATORS, (body, caller) -> body.has("dueDate") || !body.isObject(), false),
      new Operation("job suspension", PUT, "/job/(?:" + ID + "/)?suspended", Who.ADMINISTRATORS),
      new Operation("job priority", PUT, "/job/" + ID + "/priority", Who.ADMINISTRATORS),
      new Operation("job deletion", DELETE, "/job/" + ID, Who.ADMINISTRATORS),
      new Operation("job definition suspension", PUT, "/job-definition/(?:" + ID + "/)?suspended", Who.ADMINISTRATORS),
      new Operation("job definition priority", Set.of("PUT", "DELETE"), "/job-definition/" + ID + "/jobPriority", Who.ADMINISTRATORS),
      new Operation("incident creation", POST, "/execution/" + ID + "/create-incident", Who.ADMINISTRATORS),
      new Operation("incident resolution", DELETE, "/incident/" + ID, Who.ADMINISTRATORS),
      new Operation("task BPMN error", POST, "/task/" + ID + "/bpmnError", Who.ADMINISTRATORS),
      new Operation("task BPMN escalation", POST, "/task/" + ID + "/bpmnEscalation", Who.ADMINISTRATORS),
      new Operation("task update", PUT, "/task/" + ID, Who.ADMINISTRATORS),
      new Operation("task deletion", DELETE, "/task/" + ID, Who.ADMINISTRATORS),
      new Operation("task delegation", POST, "/task/" + ID + "/(?:delegate|assignee|identity-links|identity-links/delete)", Who.ADMINISTRATORS),
      new Operation("claiming a task for someone else", POST, Pattern.compile("/task/" + ID + "/claim"), Who.ADMINISTRATORS,
          (body, caller) -> caller == null || !Objects.equals(body.path("userId").asText(null), caller.userId()), false));

  private static final Pattern ENGINE_PREFIX = Pattern.compile("/engine/(" + ID + ")(/.*)?");

  private final IdentityService identity;
  private final ObjectMapper json;
  private final List<String> roots;
  private final String webappRoot;

  /**
   * @param roots the servlet paths of the engine REST API (e.g. {@code /engine-rest}, {@code /camunda/api/engine})
   * @param webappRoot the one of them that the Camunda webapps serve (their session login names the caller)
   */
  public EngineRestOperationGuard(IdentityService identity, ObjectMapper json, List<String> roots, String webappRoot) {
    this.identity = identity;
    this.json = json;
    this.roots = List.copyOf(roots);
    this.webappRoot = webappRoot;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Target target = target(request);
    if (target == null) {
      chain.doFilter(request, response);
      return;
    }
    String annotation;
    try {
      annotation = annotationHeader(request.getHeader(ANNOTATION_HEADER));
    } catch (IllegalArgumentException e) {
      answer(response, 400, "InvalidRequestException", e.getMessage());
      return;
    }

    HttpServletRequest forward = request;
    JsonNode body = null;
    Caller caller = null;
    boolean callerKnown = false;
    Operation operation = null;
    for (Operation candidate : OPERATIONS) {
      if (!candidate.matches(request.getMethod(), target.path())) {
        continue;
      }
      if (candidate.when() != null || candidate.annotationField()) {
        if (body == null) {
          CachedBody cached = CachedBody.of(request);
          if (cached == null) {
            answer(response, 413, "InvalidRequestException", "the request body is too large");
            return;
          }
          forward = cached;
          body = parse(cached.bytes);
        }
      }
      if (candidate.when() != null) {
        if (!callerKnown) {
          caller = caller(request, target);
          callerKnown = true;
        }
        if (!candidate.when().test(body, caller)) {
          continue;
        }
      }
      operation = candidate;
      break;
    }

    if (operation != null) {
      if (!callerKnown) {
        caller = caller(request, target);
      }
      String refusal = refusal(operation, caller, annotation, body);
      if (refusal != null) {
        answer(response, 403, "AuthorizationException", refusal);
        return;
      }
    }

    String outer = OperationAnnotation.enter(annotation);
    try {
      chain.doFilter(forward, response);
    } finally {
      OperationAnnotation.leave(outer);
    }
  }

  /** Why the caller may not perform the operation, or null if they may. */
  static String refusal(Operation operation, Caller caller, String headerAnnotation, JsonNode body) {
    if (caller == null) {
      return operation.name() + " needs an authenticated caller";
    }
    if (caller.admin()) {
      return null;
    }
    return switch (operation.who()) {
      case ADMINS -> "The user with id '" + caller.userId() + "' may not perform " + operation.name() + ": it is reserved to the group "
          + Groups.ADMINS + (operation.unlogged() ? " (it leaves no operation-log entry; a process administrator modifies the instance instead)" : "");
      case NOT_PROCESS_ADMINS -> caller.processAdmin()
          ? "The user with id '" + caller.userId() + "' may not perform " + operation.name() + ": process administrators restart, they do not start"
          : null;
      case ADMINISTRATORS -> {
        if (!caller.processAdmin()) {
          yield "The user with id '" + caller.userId() + "' may not perform " + operation.name() + ": it is reserved to the groups "
              + Groups.ADMINS + " and " + Groups.PROCESS_ADMINS;
        }
        boolean annotated = headerAnnotation != null
            || (operation.annotationField() && body != null && !body.path("annotation").asText("").isBlank());
        yield annotated ? null : "A process administrator's " + operation.name() + " needs an annotation saying why: "
            + (operation.annotationField() ? "the request's \"annotation\" field or " : "") + "the header " + ANNOTATION_HEADER;
      }
    };
  }

  /** The header's annotation: null if absent or blank; percent-decoded (UTF-8); at most 4000 characters, no control characters. */
  static String annotationHeader(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ANNOTATION_HEADER + " is not valid percent-encoded UTF-8");
    }
    if (decoded.length() > OperationAnnotation.MAX_LENGTH) {
      throw new IllegalArgumentException(ANNOTATION_HEADER + " is longer than " + OperationAnnotation.MAX_LENGTH + " characters");
    }
    if (decoded.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(ANNOTATION_HEADER + " contains control characters");
    }
    return decoded.isEmpty() ? null : decoded;
  }

  /** The engine REST path relative to its root and engine, or null if the request is not one of the API's. */
  record Target(String path, String engine, boolean webapp) {}

  Target target(HttpServletRequest request) {
    String uri = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    uri = uri.replaceAll("/{2,}", "/");
    while (uri.length() > 1 && uri.endsWith("/")) {
      uri = uri.substring(0, uri.length() - 1);
    }
    for (String root : roots) {
      if (uri.equals(root) || uri.startsWith(root + "/")) {
        String rest = uri.substring(root.length());
        String engine = "default";
        Matcher named = ENGINE_PREFIX.matcher(rest);
        if (named.matches()) {
          engine = named.group(1);
          rest = named.group(2) == null ? "" : named.group(2);
        }
        return new Target(rest, engine, root.equals(webappRoot));
      }
    }
    return null;
  }

  /**
   * On {@code /engine-rest}, the engine's authenticated user (the authentication filter before this one set it); on the
   * webapps' mount, where Camunda's authentication filter runs after this one, the webapp session's login for the engine.
   */
  Caller caller(HttpServletRequest request, Target target) {
    if (target.webapp()) {
      HttpSession session = request.getSession(false);
      if (session != null && AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(target.engine())
          instanceof UserAuthentication login && login.getIdentityId() != null) {
        return new Caller(login.getIdentityId(), login.getGroupIds() == null ? List.of() : login.getGroupIds());
      }
      return null;
    }
    // the engine the request addresses, as Camunda's authentication filter and the REST resources look it up
    ProcessEngine addressed = EngineUtil.lookupProcessEngine(target.engine());
    Authentication authentication = addressed == null ? null : addressed.getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      authentication = identity.getCurrentAuthentication();
    }
    if (authentication != null && authentication.getUserId() != null) {
      return new Caller(authentication.getUserId(), authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    }
    return null;
  }

  private JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = json.readTree(bytes);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance(); // not JSON: the conditions treat a non-object as the guarded case
    }
  }

  private void answer(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    json.writeValue(response.getOutputStream(), body);
  }

  /** The request with its body read once, so that both this guard and the engine REST API can read it. */
  static final class CachedBody extends HttpServletRequestWrapper {
    final byte[] bytes;

    private CachedBody(HttpServletRequest request, byte[] bytes) {
      super(request);
      this.bytes = bytes;
    }

    /** Null if the body is larger than {@link #MAX_BODY_BYTES}. */
    static CachedBody of(HttpServletRequest request) throws IOException {
      if (request instanceof CachedBody cached) {
        return cached;
      }
      if (request.getContentLengthLong() > MAX_BODY_BYTES) {
        return null;
      }
      try (InputStream in = request.getInputStream()) {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : new CachedBody(request, bytes);
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return bytes.length;
    }

    @Override
    public long getContentLengthLong() {
      return bytes.length;
    }
  }
}
