-- A measure's outcome besides its workflow status (issue 15, docs/adr/0013): what published reports count.
-- RECTIFIED 已完成整改 (signed off), BASICALLY_DONE 基本完成、持续推进 (handed over as continuing, 转常态),
-- NOT_DONE 未完成 (the unit reported it not done, with the reason and a new planned date), IN_PROGRESS 正在推进.
-- Written by measure/Measure's transitions only. The progress bulletin keeps its outcome counts beside its totals.
-- Portable SQL for H2 2.x and PostgreSQL 13+.

ALTER TABLE measure ADD COLUMN outcome VARCHAR(16) DEFAULT 'IN_PROGRESS' NOT NULL;
ALTER TABLE measure ADD COLUMN not_done_reason VARCHAR(2000);
ALTER TABLE measure ADD COLUMN planned_date DATE;
ALTER TABLE measure ADD CONSTRAINT ck_measure_outcome
    CHECK (outcome IN ('RECTIFIED', 'BASICALLY_DONE', 'NOT_DONE', 'IN_PROGRESS'));

UPDATE measure SET outcome = 'RECTIFIED' WHERE status = 'SIGNED_OFF';
UPDATE measure SET outcome = 'BASICALLY_DONE' WHERE status = 'NORMAL_MANAGEMENT';

ALTER TABLE progress_bulletin ADD COLUMN measures_rectified INT DEFAULT 0 NOT NULL;
ALTER TABLE progress_bulletin ADD COLUMN measures_basically_done INT DEFAULT 0 NOT NULL;
ALTER TABLE progress_bulletin ADD COLUMN measures_not_done INT DEFAULT 0 NOT NULL;
UPDATE progress_bulletin SET measures_rectified = measures_closed;
