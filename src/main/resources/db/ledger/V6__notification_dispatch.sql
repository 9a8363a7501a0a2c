-- The outbox dispatcher for real channels (e-mail, webhook): retries with backoff, dead letters, and a lease
-- so that several nodes on one database share the work and each row is worked by one node at a time.
-- Portable SQL for H2 2.x and PostgreSQL.

-- The user ids of a row per notification (a webhook's; its recipient is '*'), comma-separated
ALTER TABLE notification ADD COLUMN recipients VARCHAR(8000);
-- When a pending row is due: when it was queued, then after each failure its backoff
ALTER TABLE notification ADD COLUMN next_attempt_at TIMESTAMP;
-- The node that claimed the row (or last did), and the end of its lease
ALTER TABLE notification ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE notification ADD COLUMN claimed_until TIMESTAMP;

UPDATE notification SET next_attempt_at = created_at;
ALTER TABLE notification ALTER COLUMN next_attempt_at SET NOT NULL;

-- The dispatcher's query: pending rows that are due
CREATE INDEX idx_notification_due ON notification (status, next_attempt_at);
