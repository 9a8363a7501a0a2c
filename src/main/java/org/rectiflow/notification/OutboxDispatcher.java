package org.rectiflow.notification;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectiflow.common.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: each pending row through its channel, then marks it sent in its own
 * transaction. A failed delivery stays pending and is tried again on the next pass.
 */
@Component
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;

    private final NotificationRepository repository;
    private final Map<String, NotificationChannel> channels;
    private final EngineClock clock;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    public OutboxDispatcher(NotificationRepository repository, List<NotificationChannel> channels, EngineClock clock,
                            PlatformTransactionManager transactionManager,
                            @Value("${rectiflow.notification.dispatch-enabled:true}") boolean enabled) {
        this.repository = repository;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${rectiflow.notification.dispatch-interval}")
    public void scheduled() {
        if (enabled) {
            dispatchPending();
        }
    }

    /** Delivers everything pending; returns how many were delivered. */
    public int dispatchPending() {
        int delivered = 0;
        List<OutboxEntry> batch;
        do {
            batch = repository.pending(BATCH);
            int before = delivered;
            for (OutboxEntry entry : batch) {
                if (deliver(entry)) {
                    delivered++;
                }
            }
            if (delivered == before) {
                break;
            }
        } while (batch.size() == BATCH);
        return delivered;
    }

    private boolean deliver(OutboxEntry entry) {
        NotificationChannel channel = channels.get(entry.channel());
        if (channel == null) {
            repository.markFailed(entry.id(), "no channel " + entry.channel());
            return false;
        }
        try {
            channel.deliver(entry);
        } catch (Exception e) {
            LOG.warn("Delivery of notification {} failed: {}", entry.key(), e.toString());
            repository.markFailed(entry.id(), e.toString());
            return false;
        }
        return Boolean.TRUE.equals(transaction.execute(status -> repository.markSent(entry.id(), clock.nowTimestamp())));
    }
}
