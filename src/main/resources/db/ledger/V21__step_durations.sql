-- Bottlenecks (issue 19): how long the finished steps took, as a histogram the ledger keeps, so that the medians and
-- 90th percentiles of a province's history are read from a few hundred rows instead of every task it ever had.
-- One row per diagram, step (a user task or call activity), unit, key group ('' for a step of no measure) and
-- duration class (bucket_seconds: the class's lower bound; whole hours under a day, tenths of a day under ten days,
-- whole days beyond: the resolution the figures are shown in). Written as each step finishes
-- (bottleneck/StepDurationPlugin); V22 fills it from the history an existing database already holds.
CREATE TABLE step_duration (
    process_key     VARCHAR(255) NOT NULL,
    activity_id     VARCHAR(255) NOT NULL,
    unit_code       VARCHAR(64)  NOT NULL,
    key_group_code  VARCHAR(64)  NOT NULL,
    bucket_seconds  BIGINT       NOT NULL,
    finished        BIGINT       NOT NULL,
    PRIMARY KEY (process_key, activity_id, unit_code, key_group_code, bucket_seconds)
);
