package org.rectiflow.notification;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What makes a notification unique, as a value stored in its own columns of the outbox (and, for a measure's
 * ladder, of the supervision notice): what it is about ({@link #subject} and {@link #code}), which step, which
 * period or ordinal (a day, a rework count, a version), and for whom when one subject tells several parties
 * (a unit's task list, a reviewer's reminder). With the recipient and the channel it is the outbox's unique key
 * (the constraint {@code uq_notification_key}, ledger migration V8). Absent parts are empty, never null, so
 * that the unique constraint holds on H2 and PostgreSQL alike.
 *
 * <p>{@link #text()} renders the key as the text it had before it was a value ({@code M-1:GREEN:2026-03-02},
 * {@code bulletin:7}): the webhook's {@code "key"} field, and with the recipient and channel the
 * {@code Idempotency-Key} header and the e-mail {@code Message-ID}, which receivers have stored. It is only
 * ever written, never parsed.
 */
public record NotificationKey(Subject subject, String code, String step, String period, String party) {

    /** What a notification is about. */
    public enum Subject {
        /** A measure: its ladder's steps (GREEN, AMBER, RED, INTERVIEW), rework and red card. */
        MEASURE,
        /** A clue: its verification's reminder and overdue escalation, its report. */
        CLUE,
        /** A round: the plan's task lists and comment reminders. */
        ROUND,
        /** A progress bulletin. */
        BULLETIN,
        /** A message with a key of its own, not about one of the above (an operator's or a test's). */
        OTHER
    }

    /** The step of a reviewer's reminder in a plan comment round. */
    public static final String COMMENT_REMINDER = "PLAN_REMINDER";
    public static final String TASK_LIST = "TASKLIST";
    public static final String REPORTED = "REPORTED";

    public NotificationKey {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(code, "code");
        step = step == null ? "" : step;
        period = period == null ? "" : period;
        party = party == null ? "" : party;
    }

    /** A dated step of a measure's ladder: GREEN, AMBER, RED (its period's first day) or INTERVIEW. */
    public static NotificationKey measure(String measureCode, String step, LocalDate day) {
        return new NotificationKey(Subject.MEASURE, measureCode, step, day.toString(), "");
    }

    /** A counted step of a measure: REWORK (the rework's number) or RED_CARD (the rejections so far). */
    public static NotificationKey measure(String measureCode, String step, int ordinal) {
        return new NotificationKey(Subject.MEASURE, measureCode, step, Integer.toString(ordinal), "");
    }

    /** A dated step of a clue's verification: REMINDER or OVERDUE (its period's first day). */
    public static NotificationKey clue(String clueCode, String step, LocalDate day) {
        return new NotificationKey(Subject.CLUE, clueCode, step, day.toString(), "");
    }

    /** The clue's outcome reported to the inspection office. */
    public static NotificationKey clueReported(String clueCode) {
        return new NotificationKey(Subject.CLUE, clueCode, REPORTED, "", "");
    }

    /** A unit's task list of a plan version. */
    public static NotificationKey taskList(String roundCode, int version, String unitCode) {
        return new NotificationKey(Subject.ROUND, roundCode, TASK_LIST, "v" + version, unitCode);
    }

    /** A reviewer's reminder in a comment round. */
    public static NotificationKey commentReminder(String roundCode, int commentRound, String reviewer) {
        return new NotificationKey(Subject.ROUND, roundCode, COMMENT_REMINDER, Integer.toString(commentRound), reviewer);
    }

    public static NotificationKey bulletin(long bulletinId) {
        return new NotificationKey(Subject.BULLETIN, Long.toString(bulletinId), "", "", "");
    }

    /** A key of its own: the text is the whole key. */
    public static NotificationKey other(String key) {
        return new NotificationKey(Subject.OTHER, key, "", "", "");
    }

    /** The key as text, as it was written before it was a value (see the class comment). */
    public String text() {
        return switch (subject) {
            case BULLETIN -> "bulletin:" + code;
            case OTHER -> code;
            default -> COMMENT_REMINDER.equals(step)
                ? String.join(":", code, "PLAN", period, party, "REMINDER")
                : Stream.of(code, step, period, party).filter(s -> !s.isEmpty()).collect(Collectors.joining(":"));
        };
    }

    /** An outbox row's key as text: {@code <text>:<recipient>:<channel>}. */
    public String text(String recipient, String channel) {
        return text() + ":" + recipient + ":" + channel;
    }

    @Override
    public String toString() {
        return text();
    }
}
