package org.remoteservices.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application: in-memory H2, the job executor off (tests run jobs
 * explicitly, timers by moving the engine clock), and a real GreenMail SMTP server ({@link TestMailServer}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {
  protected static final GreenMail MAIL = TestMailServer.instance();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", TestMailServer::port);
  }

  @Autowired protected ProcessEngine engine;
  @Autowired protected ManagementService management;

  @BeforeEach
  void initAssertionsAndClock() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
    AbstractAssertions.init(engine);
    ClockUtil.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Runs every job that is due now (async continuations, due timers) until none is left. */
  protected void runDueJobs() {
    runDueJobs(management);
  }

  /** {@link #runDueJobs()} for helpers that are not tests ({@link Lifecycle}). */
  public static void runDueJobs(ManagementService management) {
    runDueJobs(management, () -> management.createJobQuery().executable().list(), 100);
  }

  /**
   * Runs the jobs {@code due} lists until it lists none. A job of the list that an earlier one removed (a boundary timer
   * of a task the earlier job completed, say) is skipped: the list is read once per round, in no fixed order.
   */
  public static void runDueJobs(ManagementService management, Supplier<List<Job>> due, int maxRounds) {
    for (int round = 0; round < maxRounds; round++) {
      List<Job> jobs = due.get();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        if (management.createJobQuery().jobId(job.getId()).count() == 1) {
          management.executeJob(job.getId());
        }
      }
    }
    throw new AssertionError("jobs keep coming: a loop in the model?");
  }

  /** Moves the engine clock (and so the application's clock) forward, then runs what became due. */
  protected void advanceClock(java.time.Duration by) {
    ClockUtil.setCurrentTime(Date.from(Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).plus(by)));
    runDueJobs();
  }
}
