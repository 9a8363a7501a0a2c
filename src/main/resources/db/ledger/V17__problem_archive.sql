-- The sign-off archive (一问题一档案, issue 16): when a problem's archive was first produced whole (every measure of
-- the problem in it) after all its measures were closed, by whom, and the SHA-256 of its manifest rows. From then on
-- the archive is final: evidence files of the problem's measures can no longer be uploaded or removed.
CREATE TABLE problem_archive (
    problem_id       BIGINT        PRIMARY KEY REFERENCES problem (id),
    round_code       VARCHAR(64)   NOT NULL REFERENCES inspection_round (code),
    problem_ref      VARCHAR(64)   NOT NULL,
    file_count       INT           NOT NULL,  -- evidence files, the cover not counted
    manifest_sha256  CHAR(64)      NOT NULL,
    produced_by      VARCHAR(64)   NOT NULL,
    produced_at      TIMESTAMP     NOT NULL
);
