-- Notification and notice keys as values (issue 14): what a key is made of, in its own columns with a unique
-- constraint, instead of a text grammar. The text columns (notification_key, notice_key) stay, written from the
-- value: the Idempotency-Key, the e-mail Message-ID and the webhook's "key" are derived from it, and receivers
-- have stored them. Existing rows are split here, once, in SQL; Java never parses a key.
-- Portable SQL for H2 2.x and PostgreSQL (POSITION, SUBSTRING … FROM … FOR, CHAR_LENGTH; SET sees old values).

-- ---- supervision_notice: <measure>:<step>:<period>, measure and step have columns already
ALTER TABLE supervision_notice ADD COLUMN period VARCHAR(32) DEFAULT '' NOT NULL;
UPDATE supervision_notice
SET period = SUBSTRING(notice_key FROM CHAR_LENGTH(measure_code) + CHAR_LENGTH(step) + 3)
WHERE notice_key = measure_code || ':' || step || ':' || SUBSTRING(notice_key FROM CHAR_LENGTH(measure_code) + CHAR_LENGTH(step) + 3);
ALTER TABLE supervision_notice ADD CONSTRAINT uq_supervision_notice_key UNIQUE (measure_code, step, period);

-- ---- notification (the outbox): <key>:<recipient>:<channel>, recipient and channel have columns already
ALTER TABLE notification ADD COLUMN subject_kind VARCHAR(16)  DEFAULT 'OTHER' NOT NULL;
ALTER TABLE notification ADD COLUMN subject_code VARCHAR(250) DEFAULT '' NOT NULL;
ALTER TABLE notification ADD COLUMN key_step     VARCHAR(32)  DEFAULT '' NOT NULL;
ALTER TABLE notification ADD COLUMN key_period   VARCHAR(32)  DEFAULT '' NOT NULL;
ALTER TABLE notification ADD COLUMN key_party    VARCHAR(100) DEFAULT '' NOT NULL;
-- work columns, dropped at the end: the notification's own key, and what is left of it while it is split
ALTER TABLE notification ADD COLUMN v8_key  VARCHAR(250);
ALTER TABLE notification ADD COLUMN v8_rest VARCHAR(250);

UPDATE notification
SET v8_key = SUBSTRING(notification_key FROM 1 FOR CHAR_LENGTH(notification_key) - CHAR_LENGTH(recipient) - CHAR_LENGTH(channel) - 2);

-- bulletin:<id>
UPDATE notification SET subject_kind = 'BULLETIN', subject_code = SUBSTRING(v8_key FROM 10)
WHERE v8_key LIKE 'bulletin:%';

-- <code>:<step>[:<period>[:<party>]]: split at the colons, the party takes the rest
UPDATE notification
SET subject_code = SUBSTRING(v8_key FROM 1 FOR POSITION(':' IN v8_key) - 1),
    v8_rest = SUBSTRING(v8_key FROM POSITION(':' IN v8_key) + 1)
WHERE subject_kind = 'OTHER' AND POSITION(':' IN v8_key) > 0;
UPDATE notification
SET key_step = CASE WHEN POSITION(':' IN v8_rest) = 0 THEN v8_rest
                    ELSE SUBSTRING(v8_rest FROM 1 FOR POSITION(':' IN v8_rest) - 1) END,
    v8_rest = CASE WHEN POSITION(':' IN v8_rest) = 0 THEN ''
                   ELSE SUBSTRING(v8_rest FROM POSITION(':' IN v8_rest) + 1) END
WHERE v8_rest IS NOT NULL;
UPDATE notification
SET key_period = CASE WHEN POSITION(':' IN v8_rest) = 0 THEN v8_rest
                      ELSE SUBSTRING(v8_rest FROM 1 FOR POSITION(':' IN v8_rest) - 1) END,
    key_party = CASE WHEN POSITION(':' IN v8_rest) = 0 THEN ''
                     ELSE SUBSTRING(v8_rest FROM POSITION(':' IN v8_rest) + 1) END
WHERE v8_rest IS NOT NULL;

-- <round>:PLAN:<comment round>:<reviewer>:REMINDER
UPDATE notification
SET key_step = 'PLAN_REMINDER', key_party = SUBSTRING(key_party FROM 1 FOR CHAR_LENGTH(key_party) - 9)
WHERE v8_rest IS NOT NULL AND key_step = 'PLAN' AND key_party LIKE '%:REMINDER';

UPDATE notification SET subject_kind = 'MEASURE'
WHERE v8_rest IS NOT NULL AND key_step IN ('GREEN', 'AMBER', 'RED', 'INTERVIEW', 'REWORK', 'RED_CARD');
UPDATE notification SET subject_kind = 'CLUE'
WHERE v8_rest IS NOT NULL AND key_step IN ('REMINDER', 'OVERDUE', 'REPORTED');
UPDATE notification SET subject_kind = 'ROUND'
WHERE v8_rest IS NOT NULL AND key_step IN ('TASKLIST', 'PLAN_REMINDER');

-- any other key is a key of its own: its whole text is its code
UPDATE notification SET subject_code = v8_key, key_step = '', key_period = '', key_party = ''
WHERE subject_kind = 'OTHER';

ALTER TABLE notification DROP COLUMN v8_rest;
ALTER TABLE notification DROP COLUMN v8_key;

ALTER TABLE notification ADD CONSTRAINT uq_notification_key
    UNIQUE (subject_kind, subject_code, key_step, key_period, key_party, recipient, channel);
