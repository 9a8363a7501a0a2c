package org.rectiflow.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one source of "now" for the ledger and the ladder: the engine's clock, so that tests move both
 * together with {@code ClockUtil}, and the office's time zone for calendar dates.
 */
@Component
public class EngineClock {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter CHINESE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final ZoneId zone;
    private final LocalTime deadlineTime;

    public EngineClock(@Value("${rectiflow.zone}") String zone,
                       @Value("${rectiflow.deadline-time:18:00}") String deadlineTime) {
        this.zone = ZoneId.of(zone);
        this.deadlineTime = LocalTime.parse(deadlineTime);
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public Timestamp nowTimestamp() {
        return Timestamp.from(now());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant a deadline date falls due: that day at the configured deadline time. */
    public Date deadlineInstant(LocalDate deadline) {
        return Date.from(deadline.atTime(deadlineTime).atZone(zone).toInstant());
    }

    /** The same time of day, the given number of calendar days later (earlier when negative), in the office's zone. */
    public Date plusDays(Date instant, long days) {
        return Date.from(instant.toInstant().atZone(zone).plusDays(days).toInstant());
    }

    public LocalDate toDate(Date instant) {
        return LocalDate.ofInstant(instant.toInstant(), zone);
    }

    /** An instant as the office reads it, in its zone: {@code 2026年3月2日 09:00}. */
    public String chinese(Timestamp at) {
        return at == null ? "" : CHINESE_TIME.format(at.toInstant().atZone(zone));
    }

    public static String chinese(LocalDate date) {
        return date == null ? "" : CHINESE_DATE.format(date);
    }
}
