package org.rectiflow.common.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * The one home of the deadline rules (DESIGN §3, issue 14): a deadline's reminder ladder, in {@code LocalDate}.
 * A measure's escalation ladder, a clue's verification and a plan's comment round are the same idea: a
 * deadline, reminders some days before it, a red period repeating after it, an interview some days after it.
 * Each of them is a {@code Ladder} value built from its settings ({@code rectiflow.escalation.*},
 * {@code rectiflow.clue.*}, {@code rectiflow.plan.*}); a step a ladder has not ({@code null}) is not asked for.
 *
 * <p>Everything that asks "when is the amber step", "is it overdue", "what colour is it" asks here: the diagrams'
 * timer functions ({@code escalationLadder}, {@code clueDeadlines}, {@code planDeadlines}), the notice keys'
 * dates, the bulletin and its tally, the round summary, the ledger workbook, the metrics' SQL
 * ({@link #PAST_DEADLINE_SQL}) and the Tasklist's 已超期 filter ({@code escalationLadder.overdueFrom()}).
 *
 * @param greenDaysBefore    the first reminder, days before the deadline; null when there is none
 * @param amberDaysBefore    the (last) reminder before the deadline, days before it; from this day a measure is
 *                           amber (a clue's and a plan round's one reminder is this step)
 * @param overdueInterval    the red period: at the deadline's day after, then every this often; null when none
 * @param interviewDaysAfter the interview, days after the deadline; null when there is none
 */
public record Ladder(Integer greenDaysBefore, int amberDaysBefore, Period overdueInterval,
                     Integer interviewDaysAfter) {

    /**
     * "Past its deadline" in SQL, for a query that counts overdue rows in the database: {@code <column> < ?} with
     * today as the parameter, exactly {@link #overdue}'s {@code deadline.isBefore(today)}. Combined with the
     * measure's open statuses it is the one "open and past its deadline" every query uses.
     */
    public static final String PAST_DEADLINE_SQL = "%s < ?";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    public Ladder {
        if (amberDaysBefore < 0 || greenDaysBefore != null && greenDaysBefore <= amberDaysBefore) {
            throw new IllegalArgumentException("A ladder's green reminder (" + greenDaysBefore
                + " days before) must come before its amber one (" + amberDaysBefore + " days before, at least 0)");
        }
        if (overdueInterval != null && (overdueInterval.isZero() || overdueInterval.isNegative())) {
            throw new IllegalArgumentException("A ladder's overdue interval must be a positive period");
        }
        if (interviewDaysAfter != null && interviewDaysAfter <= 0) {
            throw new IllegalArgumentException("A ladder's interview must come some days after the deadline");
        }
    }

    /** One reminder some days before the deadline, and a red period repeating after it (a clue's verification). */
    public static Ladder reminderAndOverdue(int reminderDaysBefore, Period overdueInterval) {
        return new Ladder(null, reminderDaysBefore, overdueInterval, null);
    }

    /** One reminder some days before the deadline, nothing after it (a plan's comment round). */
    public static Ladder reminder(int reminderDaysBefore) {
        return new Ladder(null, reminderDaysBefore, null, null);
    }

    /** "Past its deadline": the deadline's day is over. Open and overdue is this and not closed. */
    public static boolean overdue(LocalDate deadline, LocalDate today) {
        return deadline.isBefore(today);
    }

    // ---- the dates of the steps

    public LocalDate greenDate(LocalDate deadline) {
        return deadline.minusDays(require(greenDaysBefore, "green"));
    }

    public LocalDate amberDate(LocalDate deadline) {
        return deadline.minusDays(amberDaysBefore);
    }

    public LocalDate interviewDate(LocalDate deadline) {
        return deadline.plusDays(require(interviewDaysAfter, "interview"));
    }

    /** A step added in the Modeler, some days from the deadline (negative: before it). */
    public static LocalDate offset(LocalDate deadline, int days) {
        return deadline.plusDays(days);
    }

    /** The day the current red period began: the deadline plus whole intervals, never before the deadline. */
    public LocalDate overduePeriodStart(LocalDate deadline, LocalDate today) {
        Period interval = require(overdueInterval, "overdue interval");
        LocalDate start = deadline;
        while (!start.plus(interval).isAfter(today)) {
            start = start.plus(interval);
        }
        return start;
    }

    // ---- overtaken steps and the light

    /** The green reminder is overtaken once the amber date has come: the amber reminder speaks then. */
    public boolean greenOvertaken(LocalDate deadline, LocalDate today) {
        return !today.isBefore(amberDate(deadline));
    }

    /** The amber reminder is overtaken once the deadline has passed: the red notice speaks then. */
    public boolean amberOvertaken(LocalDate deadline, LocalDate today) {
        return overdue(deadline, today);
    }

    /**
     * A measure's light: CLOSED when it is closed, RED when it is past its deadline, AMBER from its amber date
     * (the day the amber reminder goes out), else GREEN.
     */
    public Light light(boolean closed, LocalDate deadline, LocalDate today) {
        if (closed) {
            return Light.CLOSED;
        }
        if (overdue(deadline, today)) {
            return Light.RED;
        }
        return greenOvertaken(deadline, today) ? Light.AMBER : Light.GREEN;
    }

    // ---- the timers (Date, as the engine's timer expressions take them)

    /** The same time of day as {@code instant}, on another day, in the office's zone. */
    public static Date on(Date instant, LocalDate day, ZoneId zone) {
        ZonedDateTime at = instant.toInstant().atZone(zone);
        return Date.from(at.plusDays(ChronoUnit.DAYS.between(at.toLocalDate(), day)).toInstant());
    }

    /** The deadline's day in the office's zone. */
    public static LocalDate day(Date instant, ZoneId zone) {
        return LocalDate.ofInstant(instant.toInstant(), zone);
    }

    /**
     * The repeating red step's timer cycle, {@code R/<start>/<interval>}: the start is the deadline, or just after
     * {@code now} when the deadline has passed (a task created again after it), so that the current period is not
     * skipped (its notice key keeps it from being written twice).
     */
    public String overdueCycle(Date deadline, Instant now, ZoneId zone) {
        Period interval = require(overdueInterval, "overdue interval");
        Instant soon = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant start = deadline.toInstant().isAfter(soon) ? deadline.toInstant() : soon;
        return "R/" + ISO.format(ZonedDateTime.ofInstant(start, zone)) + "/" + interval;
    }

    private static <T> T require(T value, String step) {
        if (value == null) {
            throw new IllegalStateException("This ladder has no " + step + " step");
        }
        return value;
    }
}
