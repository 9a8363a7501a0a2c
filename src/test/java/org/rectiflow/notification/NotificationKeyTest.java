package org.rectiflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A key is a value; its text is what the webhook's "key", the Idempotency-Key and the Message-ID were before. */
class NotificationKeyTest {

    @Test
    void theTextIsTheKeyAsItWasWrittenBeforeItWasAValue() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        assertThat(NotificationKey.measure("XC-1-01", "GREEN", day).text()).isEqualTo("XC-1-01:GREEN:2026-03-02");
        assertThat(NotificationKey.measure("XC-1-01", "REWORK", 2).text()).isEqualTo("XC-1-01:REWORK:2");
        assertThat(NotificationKey.clue("XS-3", "OVERDUE", day).text()).isEqualTo("XS-3:OVERDUE:2026-03-02");
        assertThat(NotificationKey.clueReported("XS-3").text()).isEqualTo("XS-3:REPORTED");
        assertThat(NotificationKey.taskList("R1", 3, "siming").text()).isEqualTo("R1:TASKLIST:v3:siming");
        assertThat(NotificationKey.commentReminder("R1", 2, "office").text()).isEqualTo("R1:PLAN:2:office:REMINDER");
        assertThat(NotificationKey.bulletin(7).text()).isEqualTo("bulletin:7");
        assertThat(NotificationKey.other("B7").text()).isEqualTo("B7");
        assertThat(NotificationKey.bulletin(7).text(OutboxEntry.EVERYONE, "WEBHOOK")).isEqualTo("bulletin:7:*:WEBHOOK");
    }

    @Test
    void theValueKeepsItsPartsApartAndAbsentPartsEmpty() {
        NotificationKey key = NotificationKey.taskList("R1", 3, "siming");
        assertThat(key.subject()).isEqualTo(NotificationKey.Subject.ROUND);
        assertThat(key.code()).isEqualTo("R1");
        assertThat(key.step()).isEqualTo("TASKLIST");
        assertThat(key.period()).isEqualTo("v3");
        assertThat(key.party()).isEqualTo("siming");
        assertThat(new NotificationKey(NotificationKey.Subject.OTHER, "x", null, null, null))
            .isEqualTo(NotificationKey.other("x"));
        assertThat(NotificationKey.measure("M", "RED", LocalDate.of(2026, 1, 1)))
            .isNotEqualTo(NotificationKey.clue("M", "RED", LocalDate.of(2026, 1, 1)));
    }
}
