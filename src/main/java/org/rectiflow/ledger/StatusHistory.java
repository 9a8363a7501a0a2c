package org.rectiflow.ledger;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only status history of rounds, problems, measures and clues: who, when, from, to and why.
 * Rows are only ever inserted; nothing in the application updates or deletes them.
 */
@Repository
public class StatusHistory {

    public enum Entity { ROUND, PROBLEM, MEASURE, CLUE }

    public record Entry(Entity entity, String ref, String fromStatus, String toStatus, String actor,
                        String reason, Timestamp changedAt) {
    }

    private final JdbcClient jdbc;

    public StatusHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Entity entity, String ref, String fromStatus, String toStatus, String actor, String reason,
                       Timestamp at) {
        jdbc.sql("""
                INSERT INTO status_history (entity_type, entity_ref, from_status, to_status, actor, reason, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(entity.name(), ref, fromStatus, toStatus, actor, reason, at)
            .update();
    }

    public List<Entry> of(Entity entity, String ref) {
        return jdbc.sql("""
                SELECT entity_type, entity_ref, from_status, to_status, actor, reason, changed_at
                FROM status_history WHERE entity_type = ? AND entity_ref = ? ORDER BY id""")
            .params(entity.name(), ref)
            .query((rs, n) -> new Entry(Entity.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7)))
            .list();
    }
}
