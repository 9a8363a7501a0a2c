package org.rectiflow.notification;

import java.time.Instant;
import java.util.List;

/**
 * One row of the notification outbox.
 *
 * @param notification  the notification's key, a value in its own columns; with the recipient and the channel
 *                      the row's unique key
 * @param key           that unique key as text, {@code <notification key>:<recipient>:<channel>} (recipient
 *                      {@code *} for a row per notification): the Idempotency-Key and the Message-ID derive from it
 * @param recipient     the user id, or {@link #EVERYONE} for a row per notification (webhook)
 * @param recipients    the user ids the row is for: the one recipient, or all of a notification's
 * @param status        PENDING, SENT or FAILED (given up after the retries; kept)
 * @param attempts      deliveries tried so far, the successful one included
 * @param lastError     the last failure, if any
 * @param nextAttemptAt when a pending row is due: when it was queued, or after a failure, its backoff
 * @param claimedBy     the node that holds the row, or last held it
 * @param claimedUntil  the end of that node's lease on a pending row; null when nobody holds it
 */
public record OutboxEntry(long id, NotificationKey notification, String key, String channel, String recipient, List<String> recipients,
                          String subject, String body, String measureCode, String status, int attempts,
                          String lastError, Instant nextAttemptAt, String claimedBy, Instant claimedUntil,
                          Instant sentAt) {

    /** The recipient column of a row per notification. */
    public static final String EVERYONE = "*";
}
