package org.rectiflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.rectiflow.ledger.InsertIfAbsent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification outbox. A row is claimed by a conditional UPDATE that only one node's statement can win
 * (see {@link OutboxDispatcher}); every later change of a pending row names the claim it holds, so a node whose
 * lease has run out and been taken over changes nothing.
 */
@Repository
public class NotificationRepository {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    /** Given up after {@code rectiflow.notification.retry.max-attempts}: a dead letter, kept for the record. */
    public static final String FAILED = "FAILED";

    private static final int MAX_ERROR = 2000;
    private static final String SELECT = """
            SELECT id, notification_key, channel, recipient, recipients, subject, body, measure_code, status, attempts,
                   last_error, next_attempt_at, claimed_by, claimed_until, sent_at,
                   subject_kind, subject_code, key_step, key_period, key_party
            FROM notification""";

    private final JdbcClient jdbc;
    private final String insert;

    public NotificationRepository(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
        this.jdbc = jdbc;
        this.insert = insertIfAbsent.sql("notification", "notification_key", "channel", "recipient", "recipients",
            "subject", "body", "measure_code", "status", "attempts", "created_at", "next_attempt_at", "subject_kind",
            "subject_code", "key_step", "key_period", "key_party");
    }

    /**
     * Queues a row, due at once, unless its key (the notification's key, the recipient and the channel: the unique
     * constraint {@code uq_notification_key}) is queued already; true when this call wrote it. This and the
     * dispatcher's claim are what make delivery exactly once.
     *
     * @param recipients the user ids of a row per notification, comma-separated; null for a row per recipient
     */
    public boolean insertIfAbsent(NotificationKey key, String channel, String recipient, String recipients,
                                  String subject, String body, String measureCode, Timestamp at) {
        String text = key.text(recipient, channel);
        return jdbc.sql(insert)
            .params(text, channel, recipient, recipients, subject, body, measureCode, PENDING, 0, at, at,
                key.subject().name(), key.code(), key.step(), key.period(), key.party(), text)
            .update() == 1;
    }

    /** Pending rows, due or not, claimed or not, oldest first. */
    public List<OutboxEntry> pending(int limit) {
        return jdbc.sql(SELECT + " WHERE status = ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
            .param(PENDING).query(this::map).list();
    }

    /** Rows given up on (dead letters), oldest first. */
    public List<OutboxEntry> failed() {
        return jdbc.sql(SELECT + " WHERE status = ? ORDER BY id").param(FAILED).query(this::map).list();
    }

    public List<OutboxEntry> forMeasure(String measureCode) {
        return jdbc.sql(SELECT + " WHERE measure_code = ? ORDER BY id").param(measureCode).query(this::map).list();
    }

    public List<OutboxEntry> forRecipient(String recipient) {
        return jdbc.sql(SELECT + " WHERE recipient = ? ORDER BY id").param(recipient).query(this::map).list();
    }

    public Optional<OutboxEntry> byKey(String key) {
        return jdbc.sql(SELECT + " WHERE notification_key = ?").param(key).query(this::map).optional();
    }

    public Optional<OutboxEntry> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The ids of pending rows of these channels that are due and that no live lease holds, oldest first. */
    public List<Long> due(Collection<String> channels, Instant now, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id FROM notification
                WHERE status = :pending AND next_attempt_at <= :now AND channel IN (:channels)
                  AND (claimed_until IS NULL OR claimed_until < :now)
                ORDER BY id FETCH FIRST %d ROWS ONLY""".formatted(limit))
            .param("pending", PENDING).param("now", Timestamp.from(now)).param("channels", List.copyOf(channels))
            .query(Long.class).list();
    }

    /**
     * Claims a due row for a node until the lease's end. One statement, committed on its own: of several nodes
     * (or threads) claiming the same row, the database lets exactly one update count; the others find the lease
     * taken and count 0. An expired lease (a node that died mid-delivery) is taken over the same way.
     *
     * @return true when this call claimed the row
     */
    public boolean claim(long id, String node, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE notification SET claimed_by = ?, claimed_until = ?
                WHERE id = ? AND status = ? AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)""")
            .params(node, Timestamp.from(until), id, PENDING, Timestamp.from(now), Timestamp.from(now))
            .update() == 1;
    }

    /** Marks a claimed row sent; false when the claim was lost (the lease ran out and another node took it). */
    public boolean markSent(long id, String node, Instant claimedUntil, Instant at) {
        return jdbc.sql("""
                UPDATE notification SET status = ?, sent_at = ?, attempts = attempts + 1, claimed_until = NULL
                WHERE id = ? AND status = ? AND claimed_by = ? AND claimed_until = ?""")
            .params(SENT, Timestamp.from(at), id, PENDING, node, Timestamp.from(claimedUntil))
            .update() == 1;
    }

    /**
     * Records a failed attempt of a claimed row and releases it: due again at {@code nextAttemptAt}, or, when
     * {@code giveUp}, FAILED for good. False when the claim was lost.
     */
    public boolean markFailed(long id, String node, Instant claimedUntil, String error, Instant nextAttemptAt,
                              boolean giveUp) {
        return jdbc.sql("""
                UPDATE notification SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                       claimed_until = NULL
                WHERE id = ? AND status = ? AND claimed_by = ? AND claimed_until = ?""")
            .params(giveUp ? FAILED : PENDING, truncate(error), Timestamp.from(nextAttemptAt), id, PENDING, node,
                Timestamp.from(claimedUntil))
            .update() == 1;
    }

    private static String truncate(String error) {
        String e = error == null ? "" : error;
        return e.length() <= MAX_ERROR ? e : e.substring(0, MAX_ERROR);
    }

    private OutboxEntry map(ResultSet rs, int n) throws SQLException {
        String recipient = rs.getString(4);
        String recipients = rs.getString(5);
        NotificationKey key = new NotificationKey(NotificationKey.Subject.valueOf(rs.getString(16)), rs.getString(17),
            rs.getString(18), rs.getString(19), rs.getString(20));
        return new OutboxEntry(rs.getLong(1), key, rs.getString(2), rs.getString(3), recipient,
            recipients == null ? List.of(recipient) : Arrays.stream(recipients.split(",")).filter(s -> !s.isEmpty()).toList(),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
            instant(rs.getTimestamp(12)), rs.getString(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
