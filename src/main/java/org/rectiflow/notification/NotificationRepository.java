package org.rectiflow.notification;

import java.sql.Timestamp;
import java.util.List;

import org.rectiflow.ledger.InsertIfAbsent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification outbox. */
@Repository
public class NotificationRepository {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";

    private static final String SELECT = """
            SELECT id, notification_key, channel, recipient, subject, body, measure_code, status, attempts
            FROM notification""";

    private final JdbcClient jdbc;
    private final String insert;

    public NotificationRepository(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
        this.jdbc = jdbc;
        this.insert = insertIfAbsent.sql("notification", "notification_key", "channel", "recipient", "subject", "body",
            "measure_code", "status", "attempts", "created_at");
    }

    public boolean insertIfAbsent(String key, String channel, String recipient, String subject, String body,
                                  String measureCode, Timestamp at) {
        return jdbc.sql(insert)
            .params(key, channel, recipient, subject, body, measureCode, PENDING, 0, at, key)
            .update() == 1;
    }

    public List<OutboxEntry> pending(int limit) {
        return jdbc.sql(SELECT + " WHERE status = ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
            .param(PENDING).query(this::map).list();
    }

    public List<OutboxEntry> forMeasure(String measureCode) {
        return jdbc.sql(SELECT + " WHERE measure_code = ? ORDER BY id").param(measureCode).query(this::map).list();
    }

    public List<OutboxEntry> forRecipient(String recipient) {
        return jdbc.sql(SELECT + " WHERE recipient = ? ORDER BY id").param(recipient).query(this::map).list();
    }

    /** Marks an entry sent, unless another dispatcher did first; true when this call did. */
    public boolean markSent(long id, Timestamp at) {
        return jdbc.sql("UPDATE notification SET status = ?, sent_at = ?, attempts = attempts + 1 WHERE id = ? AND status = ?")
            .params(SENT, at, id, PENDING).update() == 1;
    }

    public void markFailed(long id, String error) {
        jdbc.sql("UPDATE notification SET attempts = attempts + 1, last_error = ? WHERE id = ?")
            .params(error == null ? "" : error.substring(0, Math.min(error.length(), 2000)), id).update();
    }

    private OutboxEntry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9));
    }
}
