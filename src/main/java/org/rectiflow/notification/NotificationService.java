package org.rectiflow.notification;

import java.util.List;

import org.rectiflow.common.EngineClock;
import org.springframework.stereotype.Service;

/** Queues notifications in the outbox, inside the caller's (the engine's) transaction. */
@Service
public class NotificationService {

    private final NotificationRepository repository;
    private final List<NotificationChannel> channels;
    private final EngineClock clock;

    public NotificationService(NotificationRepository repository, List<NotificationChannel> channels,
                               EngineClock clock) {
        this.repository = repository;
        this.channels = channels;
        this.clock = clock;
    }

    /** One outbox row per recipient and channel; a key queued before is skipped. Returns rows written. */
    public int enqueue(Notification notification) {
        int written = 0;
        for (String recipient : notification.recipients().stream().distinct().toList()) {
            for (NotificationChannel channel : channels) {
                String key = notification.key() + ":" + recipient + ":" + channel.name();
                if (repository.insertIfAbsent(key, channel.name(), recipient, notification.subject(),
                    notification.body(), notification.measureCode(), clock.nowTimestamp())) {
                    written++;
                }
            }
        }
        return written;
    }
}
