package org.rectiflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectiflow.common.EngineClock;
import org.rectiflow.common.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox through the channels this node has, with retries, on any number of nodes sharing the
 * database.
 * <h2>Claiming</h2>
 * A pass reads the ids of due rows (PENDING, {@code next_attempt_at} reached, no live lease) and claims each with
 * one conditional UPDATE, committed on its own: {@code SET claimed_by = node, claimed_until = now + lease WHERE
 * id = ? AND status = 'PENDING' AND next_attempt_at <= now AND (claimed_until IS NULL OR claimed_until < now)}.
 * H2 and PostgreSQL both lock the row for the update and check the condition again on the row as it is then,
 * so of several nodes claiming a row exactly one statement counts 1; only that node delivers it. The result
 * (SENT, or a failure) is written with {@code WHERE claimed_by = node AND claimed_until = <its lease>}, so a node
 * whose lease ran out and was taken over changes nothing.
 * <h2>Retries</h2>
 * A failed delivery (an exception from the channel: SMTP refusal, HTTP status other than 2xx, timeout) adds an
 * attempt, keeps the error in {@code last_error} and makes the row due again after a backoff:
 * {@code retry.initial-interval} (PT30S) × {@code retry.multiplier} (2) per earlier failure, at most
 * {@code retry.max-interval} (PT1H). After {@code retry.max-attempts} (10) attempts the row is FAILED: a dead
 * letter, kept and visible ({@link NotificationRepository#failed()}). A row of a channel this node does not have
 * is left alone (another node may have it, or the channel is switched on again later).
 * <h2>Exactly once</h2>
 * The outbox holds one row per key ({@link NotificationKey}, recipient and channel: the unique constraint
 * {@code uq_notification_key}): a notification is queued exactly once. A row is delivered
 * exactly once, except when a node dies (or loses the database) after the SMTP server or webhook accepted the
 * message and before it marked the row SENT: then its lease ({@code rectiflow.notification.lease}, PT2M) runs
 * out and another node sends it again, with the same {@code Message-ID} or {@code Idempotency-Key}, derived from
 * the outbox key, so that receivers can drop the duplicate. The lease must outlast any delivery (the channels'
 * timeouts are checked against it at start), or a slow delivery could be taken over and sent twice too. The
 * nodes' clocks (the engine clock) are assumed to agree to well within the lease.
 */
@Component
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final NotificationRepository repository;
    private final Map<String, NotificationChannel> channels;
    private final EngineClock clock;
    private final NotificationProperties properties;
    private final String node;

    public OutboxDispatcher(NotificationRepository repository, List<NotificationChannel> channels, EngineClock clock,
                            NotificationProperties properties, NodeId node) {
        this.repository = repository;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.clock = clock;
        this.properties = properties;
        this.node = node.value();
        LOG.info("Notification dispatcher on node {}: channels {}{}", this.node, this.channels.keySet(),
            properties.dispatchEnabled() ? "" : " (not scheduled)");
    }

    @Scheduled(fixedDelayString = "${rectiflow.notification.dispatch-interval:PT10S}")
    public void scheduled() {
        if (properties.dispatchEnabled()) {
            dispatchPending();
        }
    }

    /** Works every row that is due and not held by another node; returns how many this call delivered. */
    public int dispatchPending() {
        int batchSize = properties.batchSize();
        int delivered = 0;
        while (true) {
            List<Long> due = repository.due(channels.keySet(), clock.now(), batchSize);
            int claimed = 0;
            for (long id : due) {
                Instant now = clock.now();
                Instant until = now.plus(properties.lease());
                if (!repository.claim(id, node, now, until)) {
                    continue;
                }
                claimed++;
                OutboxEntry entry = repository.byId(id).orElseThrow();
                if (deliver(entry, until)) {
                    delivered++;
                }
            }
            // a short batch was the last; a batch all claimed by others is theirs to finish
            if (due.size() < batchSize || claimed == 0) {
                return delivered;
            }
        }
    }

    private boolean deliver(OutboxEntry entry, Instant until) {
        NotificationChannel channel = channels.get(entry.channel());
        try {
            channel.deliver(entry);
        } catch (Exception e) {
            failed(entry, until, e);
            return false;
        }
        if (repository.markSent(entry.id(), node, until, clock.now())) {
            return true;
        }
        LOG.warn("Notification {} was delivered, but node {} had lost its claim (lease over): it may go out twice",
            entry.key(), node);
        return false;
    }

    private void failed(OutboxEntry entry, Instant until, Exception e) {
        int attempts = entry.attempts() + 1;
        boolean giveUp = attempts >= properties.retry().maxAttempts();
        Duration backoff = properties.retry().backoff(attempts);
        Instant next = giveUp ? clock.now() : clock.now().plus(backoff);
        String error = describe(e);
        if (!repository.markFailed(entry.id(), node, until, error, next, giveUp)) {
            LOG.warn("Notification {} failed ({}), and node {} had lost its claim (lease over)", entry.key(), error, node);
        } else if (giveUp) {
            LOG.error("Notification {} FAILED for good after {} attempts: {}", entry.key(), attempts, error);
        } else {
            LOG.warn("Notification {} failed (attempt {} of {}), next at {}: {}", entry.key(), attempts,
                properties.retry().maxAttempts(), next, error);
        }
    }

    /** The exception and its causes (a refused connection hides as the cause of an I/O error without a message). */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }
}
