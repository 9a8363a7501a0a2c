package org.rectiflow.common.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.rectiflow.clue.ClueDeadlines;
import org.rectiflow.clue.ClueProperties;
import org.rectiflow.common.EngineClock;
import org.rectiflow.plan.PlanDeadlines;
import org.rectiflow.plan.PlanProperties;
import org.rectiflow.supervision.EscalationLadder;
import org.rectiflow.supervision.EscalationProperties;

/** The ladder's rules in {@code LocalDate}, for the ladder application.yml configures: plain JUnit, no engine. */
class LadderTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);

    private final EscalationProperties settings = Settings.escalation();
    private final Ladder ladder = settings.ladder();

    @Test
    void theStepsFallTheConfiguredDaysFromTheDeadline() {
        assertThat(ladder.greenDate(DEADLINE)).isEqualTo(DEADLINE.minusDays(settings.greenDaysBefore()));
        assertThat(ladder.amberDate(DEADLINE)).isEqualTo(DEADLINE.minusDays(settings.amberDaysBefore()));
        assertThat(ladder.interviewDate(DEADLINE)).isEqualTo(DEADLINE.plusDays(settings.interviewDaysAfter()));
        assertThat(ladder.greenDate(DEADLINE)).isBefore(ladder.amberDate(DEADLINE));
        assertThat(Ladder.offset(DEADLINE, -5)).isEqualTo(LocalDate.of(2026, 6, 25));
        assertThat(Ladder.offset(DEADLINE, 45)).isEqualTo(LocalDate.of(2026, 8, 14));
    }

    @Test
    void greenIsOvertakenOnTheAmberDateAndAmberOnceTheDeadlineHasPassed() {
        LocalDate amber = ladder.amberDate(DEADLINE);
        assertThat(ladder.greenOvertaken(DEADLINE, amber.minusDays(1))).isFalse();
        assertThat(ladder.greenOvertaken(DEADLINE, amber)).isTrue();
        assertThat(ladder.amberOvertaken(DEADLINE, DEADLINE)).as("the deadline's day is not over").isFalse();
        assertThat(ladder.amberOvertaken(DEADLINE, DEADLINE.plusDays(1))).isTrue();
    }

    @Test
    void theLightIsGreenThenAmberFromTheAmberDateThenRedAfterTheDeadlineAndClosedWhenClosed() {
        LocalDate amber = ladder.amberDate(DEADLINE);
        assertThat(ladder.light(false, DEADLINE, ladder.greenDate(DEADLINE))).isEqualTo(Light.GREEN);
        assertThat(ladder.light(false, DEADLINE, amber.minusDays(1))).isEqualTo(Light.GREEN);
        assertThat(ladder.light(false, DEADLINE, amber)).isEqualTo(Light.AMBER);
        assertThat(ladder.light(false, DEADLINE, DEADLINE)).isEqualTo(Light.AMBER);
        assertThat(ladder.light(false, DEADLINE, DEADLINE.plusDays(1))).isEqualTo(Light.RED);
        assertThat(ladder.light(true, DEADLINE, DEADLINE.plusDays(100))).as("closed past its deadline")
            .isEqualTo(Light.CLOSED);
        assertThat(ladder.light(true, DEADLINE, amber.minusDays(1))).isEqualTo(Light.CLOSED);
    }

    @Test
    void overdueIsTheDeadlinesDayBeingOverAndTheSqlSaysTheSame() {
        assertThat(Ladder.overdue(DEADLINE, DEADLINE)).isFalse();
        assertThat(Ladder.overdue(DEADLINE, DEADLINE.plusDays(1))).isTrue();
        assertThat(Ladder.PAST_DEADLINE_SQL.formatted("deadline")).isEqualTo("deadline < ?");
        // the Tasklist filter's bound: a task due at the deadline time of a day is overdue from the next day
        EngineClock clock = Settings.clock();
        Date dueOnDeadlineDay = clock.deadlineInstant(DEADLINE);
        assertThat(dueOnDeadlineDay.before(clock.deadlineInstant(DEADLINE))).isFalse();
        assertThat(dueOnDeadlineDay.before(clock.deadlineInstant(DEADLINE.plusDays(1)))).isTrue();
    }

    @Test
    void theTasklistFiltersSplitTasksWhereTheLadderSplitsMeasures() {
        EngineClock clock = Settings.clock();
        EscalationLadder timers = new EscalationLadder(settings, clock);
        Date due = clock.deadlineInstant(DEADLINE);
        try {
            for (LocalDate today : List.of(DEADLINE.minusDays(1), DEADLINE, DEADLINE.plusDays(1), DEADLINE.plusDays(9))) {
                for (LocalTime time : List.of(LocalTime.of(0, 0), LocalTime.of(17, 59), LocalTime.of(18, 0),
                    LocalTime.of(23, 59))) {
                    ClockUtil.setCurrentTime(Date.from(today.atTime(time).atZone(clock.zone()).toInstant()));
                    boolean overdue = Ladder.overdue(DEADLINE, today);
                    assertThat(due.before(timers.overdueFrom())).as("已超期 on " + today + " " + time)
                        .isEqualTo(overdue);
                    assertThat(due.after(timers.notOverdueAfter())).as("not overdue on " + today + " " + time)
                        .isEqualTo(!overdue);
                }
            }
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void theRedPeriodStartsAtTheDeadlineAndRepeatsEveryInterval() {
        Period interval = settings.overdueInterval();
        assertThat(ladder.overduePeriodStart(DEADLINE, DEADLINE)).isEqualTo(DEADLINE);
        assertThat(ladder.overduePeriodStart(DEADLINE, DEADLINE.plus(interval).minusDays(1))).isEqualTo(DEADLINE);
        assertThat(ladder.overduePeriodStart(DEADLINE, DEADLINE.plus(interval))).isEqualTo(DEADLINE.plus(interval));
        assertThat(ladder.overduePeriodStart(DEADLINE, DEADLINE.plus(interval).plus(interval).plusDays(1)))
            .isEqualTo(DEADLINE.plus(interval).plus(interval));
        Ladder monthly = Ladder.reminderAndOverdue(3, Period.ofMonths(1));
        // each period starts one interval after the one before, as the timer cycle fires: 31 Jan, 28 Feb, 28 Mar
        assertThat(monthly.overduePeriodStart(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 27)))
            .isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(monthly.overduePeriodStart(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 30)))
            .isEqualTo(LocalDate.of(2026, 3, 28));
    }

    @Test
    void theOverdueCycleStartsAtTheDeadlineOrJustAfterNowWhenItHasPassed() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Date deadline = Date.from(Instant.parse("2026-06-30T10:00:00Z"));
        assertThat(ladder.overdueCycle(deadline, Instant.parse("2026-06-01T00:00:00Z"), zone))
            .isEqualTo("R/2026-06-30T18:00:00+08:00/" + settings.overdueInterval());
        assertThat(ladder.overdueCycle(deadline, Instant.parse("2026-07-02T01:02:03.456Z"), zone))
            .isEqualTo("R/2026-07-02T09:02:04+08:00/" + settings.overdueInterval());
    }

    @Test
    void theDiagramFunctionsAreTheLaddersDaysAtTheDeadlinesTimeOfDay() {
        EngineClock clock = Settings.clock();
        Date deadline = clock.deadlineInstant(DEADLINE);
        EscalationLadder timers = new EscalationLadder(settings, clock);
        assertThat(timers.greenAt(deadline)).isEqualTo(clock.deadlineInstant(ladder.greenDate(DEADLINE)));
        assertThat(timers.amberAt(deadline)).isEqualTo(clock.deadlineInstant(ladder.amberDate(DEADLINE)));
        assertThat(timers.interviewAt(deadline)).isEqualTo(clock.deadlineInstant(ladder.interviewDate(DEADLINE)));
        assertThat(timers.daysBefore(deadline, 5)).isEqualTo(clock.deadlineInstant(DEADLINE.minusDays(5)));
        assertThat(timers.daysAfter(deadline, 45)).isEqualTo(clock.deadlineInstant(DEADLINE.plusDays(45)));
        assertThat(timers.greenAt(deadline)).as("as before: the same time of day, days earlier")
            .isEqualTo(clock.plusDays(deadline, -settings.greenDaysBefore()));
    }

    @Test
    void aCluesVerificationAndAPlansCommentRoundAreLaddersOfTheSameKind() {
        EngineClock clock = Settings.clock();
        ClueProperties clue = Settings.clue();
        ClueDeadlines clues = new ClueDeadlines(clue, clock);
        assertThat(clues.reminderDate(DEADLINE)).isEqualTo(DEADLINE.minusDays(clue.reminderDaysBefore()));
        assertThat(clues.reminderAt(clock.deadlineInstant(DEADLINE)))
            .isEqualTo(clock.deadlineInstant(DEADLINE.minusDays(clue.reminderDaysBefore())));
        assertThat(clues.overduePeriodStart(DEADLINE, DEADLINE.plus(clue.overdueInterval())))
            .isEqualTo(DEADLINE.plus(clue.overdueInterval()));

        PlanProperties plan = Settings.plan();
        PlanDeadlines plans = new PlanDeadlines(plan, clock);
        assertThat(plans.commentReminderAt(clock.deadlineInstant(DEADLINE)))
            .isEqualTo(clock.deadlineInstant(DEADLINE.minusDays(plan.reminderDaysBefore())));

        Ladder reminderOnly = Ladder.reminder(plan.reminderDaysBefore());
        assertThatThrownBy(() -> reminderOnly.greenDate(DEADLINE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reminderOnly.overduePeriodStart(DEADLINE, DEADLINE))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLadderRefusesStepsOutOfOrder() {
        assertThatThrownBy(() -> new Ladder(10, 10, Period.ofDays(7), 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ladder(20, -1, Period.ofDays(7), 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ladder(20, 10, Period.ZERO, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ladder(20, 10, Period.ofDays(7), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
