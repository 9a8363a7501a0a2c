package org.rectiflow.notification;

import java.sql.Timestamp;
import java.util.List;

import org.rectiflow.common.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Queues notifications in the outbox, inside the caller's (the engine's) transaction: they go out only if
 * that transaction commits, and a step that runs again queues nothing twice (each row's key is unique).
 * <p>
 * Rows per channel: a {@link NotificationChannel.Scope#RECIPIENT} channel gets one row per recipient it
 * {@linkplain NotificationChannel#accepts accepts}, keyed by the notification's key, the recipient and the
 * channel (a user without an e-mail address gets no e-mail row); a {@link NotificationChannel.Scope#NOTIFICATION}
 * channel gets one row naming every recipient, its recipient {@code *}.
 */
@Service
public class NotificationService {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
    /** The width of the outbox's recipients column. */
    private static final int MAX_RECIPIENTS_TEXT = 8000;

    private final NotificationRepository repository;
    private final List<NotificationChannel> channels;
    private final EngineClock clock;

    public NotificationService(NotificationRepository repository, List<NotificationChannel> channels,
                               EngineClock clock) {
        this.repository = repository;
        this.channels = channels;
        this.clock = clock;
    }

    /** Writes the notification's outbox rows; a key queued before is skipped. Returns rows written. */
    public int enqueue(Notification notification) {
        List<String> recipients = notification.recipients().stream().distinct().toList();
        if (recipients.isEmpty()) {
            return 0;
        }
        Timestamp now = clock.nowTimestamp();
        int written = 0;
        for (String recipient : recipients) {
            for (NotificationChannel channel : channels) {
                if (channel.scope() == NotificationChannel.Scope.RECIPIENT && channel.accepts(recipient)
                    && repository.insertIfAbsent(notification.key(), channel.name(), recipient, null, notification.subject(), notification.body(),
                    notification.measureCode(), now)) {
                    written++;
                }
            }
        }
        for (NotificationChannel channel : channels) {
            if (channel.scope() == NotificationChannel.Scope.NOTIFICATION
                && repository.insertIfAbsent(notification.key(), channel.name(), OutboxEntry.EVERYONE, recipientsText(notification.key(), recipients),
                notification.subject(), notification.body(), notification.measureCode(), now)) {
                written++;
            }
        }
        return written;
    }

    /** The ids comma-separated; a list too long for the column (never in practice) is cut rather than fail the step. */
    private static String recipientsText(NotificationKey key, List<String> recipients) {
        String text = String.join(",", recipients);
        if (text.length() <= MAX_RECIPIENTS_TEXT) {
            return text;
        }
        LOG.warn("Notification {} names {} recipients; the outbox keeps the first that fit", key, recipients.size());
        return text.substring(0, text.lastIndexOf(',', MAX_RECIPIENTS_TEXT));
    }
}
