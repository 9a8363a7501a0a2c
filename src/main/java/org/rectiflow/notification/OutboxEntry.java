package org.rectiflow.notification;

/** One row of the notification outbox. */
public record OutboxEntry(long id, String key, String channel, String recipient, String subject, String body,
                          String measureCode, String status, int attempts) {
}
