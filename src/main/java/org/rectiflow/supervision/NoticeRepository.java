package org.rectiflow.supervision;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.rectiflow.ledger.InsertIfAbsent;
import org.rectiflow.notification.NotificationKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Supervision notices (督办提醒单), one per key: the measure, the step and its period (a day, or a rework's
 * number), in their own columns with the unique constraint {@code uq_supervision_notice_key} (ledger migration
 * V8). {@code notice_key} keeps the key's text for the record; nothing reads it back.
 */
@Repository
public class NoticeRepository {

    /**
     * @param id     the notice's key as a value (the notification it sends carries the same)
     * @param colour the step's light ({@link EscalationStep#light()})
     */
    public record Notice(NotificationKey id, String measureCode, EscalationStep step, String colour,
                         LocalDate stepDate, String reason, String issuedBy) {

        /** The key as text, {@code <measure>:<step>:<period>}. */
        public String key() {
            return id.text();
        }
    }

    private final JdbcClient jdbc;
    private final String insert;

    public NoticeRepository(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
        this.jdbc = jdbc;
        this.insert = insertIfAbsent.sql("supervision_notice", "notice_key", "measure_code", "step", "period",
            "colour", "step_date", "reason", "issued_by", "issued_at");
    }

    /** Writes the notice unless its key exists; true when it was written now. */
    public boolean insertIfAbsent(Notice notice, Timestamp at) {
        return jdbc.sql(insert)
            .params(notice.key(), notice.measureCode(), notice.step().name(), notice.id().period(), notice.colour(),
                notice.stepDate(), notice.reason(), notice.issuedBy(), at, notice.key())
            .update() == 1;
    }

    public int count(String measureCode) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_notice WHERE measure_code = ?").param(measureCode)
            .query(Integer.class).single();
    }

    public List<Notice> of(String measureCode) {
        return jdbc.sql("""
                SELECT measure_code, step, period, colour, step_date, reason, issued_by
                FROM supervision_notice WHERE measure_code = ? ORDER BY id""")
            .param(measureCode)
            .query((rs, n) -> new Notice(
                new NotificationKey(NotificationKey.Subject.MEASURE, rs.getString(1), rs.getString(2),
                    rs.getString(3), ""),
                rs.getString(1), EscalationStep.valueOf(rs.getString(2)), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7)))
            .list();
    }
}
