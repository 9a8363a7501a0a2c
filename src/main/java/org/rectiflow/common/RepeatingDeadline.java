package org.rectiflow.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * A step that repeats once a deadline has passed (a red notice every 7 days, an overdue verification's
 * escalation): the timer cycle that runs it, and the period a firing belongs to, which keys its record so
 * that a period is recorded once however often the timer fires.
 */
public final class RepeatingDeadline {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private RepeatingDeadline() {
    }

    /**
     * {@code R/<start>/<interval>}: the start is the deadline, or now when the deadline has passed
     * (a task created again after it), so that the current period is not skipped.
     */
    public static String cycle(Date deadline, Period interval, EngineClock clock) {
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant start = deadline.toInstant().isAfter(now) ? deadline.toInstant() : now;
        return "R/" + ISO.format(ZonedDateTime.ofInstant(start, clock.zone())) + "/" + interval;
    }

    /** The day the current period began: the deadline plus whole intervals, never before the deadline. */
    public static LocalDate periodStart(LocalDate deadline, LocalDate today, Period interval) {
        LocalDate start = deadline;
        while (!start.plus(interval).isAfter(today)) {
            start = start.plus(interval);
        }
        return start;
    }
}
