package org.rectiflow.notification;

/** A way to deliver outbox notifications (log now; e-mail and webhooks plug in the same way). */
public interface NotificationChannel {

    /** The channel's name as stored in the outbox. */
    String name();

    /** Delivers one notification; throws to have it retried. */
    void deliver(OutboxEntry entry) throws Exception;
}
