package org.rectiflow.notification;

import java.util.List;

/**
 * A message to people, to be written to the outbox in the current transaction.
 *
 * @param key         unique per message: with the recipient and the channel it makes the outbox's unique key,
 *                    so the same message is never queued twice
 * @param recipients  user ids
 * @param measureCode the measure it is about, if any
 */
public record Notification(NotificationKey key, List<String> recipients, String subject, String body,
                           String measureCode) {

    /** A message with a key of its own ({@link NotificationKey#other}), not about a measure, clue, round or bulletin. */
    public Notification(String key, List<String> recipients, String subject, String body, String measureCode) {
        this(NotificationKey.other(key), recipients, subject, body, measureCode);
    }
}
