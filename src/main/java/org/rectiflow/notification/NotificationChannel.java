package org.rectiflow.notification;

/**
 * A way to deliver outbox notifications: a Spring bean that exists when its settings switch it on
 * ({@link LogChannel}, {@link EmailChannel}, {@link WebhookChannel}).
 */
public interface NotificationChannel {

    /** Whether a channel gets one outbox row per recipient, or one per notification naming all of them. */
    enum Scope {
        /** One row, and one message, per recipient (log, e-mail). */
        RECIPIENT,
        /** One row per notification, its recipients listed in it (a chat group is told once). */
        NOTIFICATION
    }

    /** The channel's name as stored in the outbox (at most 16 characters). */
    String name();

    default Scope scope() {
        return Scope.RECIPIENT;
    }

    /**
     * Whether this channel can reach the user: consulted when a notification is queued, in the caller's
     * transaction, for {@link Scope#RECIPIENT} channels. A recipient it cannot reach (the e-mail channel: a user
     * without an e-mail address) gets no row of this channel, rather than a row that could only fail.
     */
    default boolean accepts(String recipient) {
        return true;
    }

    /**
     * Delivers one outbox row; returns normally only once the receiver has accepted it, and throws to have it
     * retried. Must give up within the dispatcher's lease ({@code rectiflow.notification.lease}).
     */
    void deliver(OutboxEntry entry) throws Exception;
}
