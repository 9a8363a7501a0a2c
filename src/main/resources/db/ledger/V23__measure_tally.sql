-- Bottlenecks (issue 19): the ledger's tally of the measures that have a process instance, per unit, key group and
-- deadline: how many, how many of them are open (not signed off or handed over), and the reworks they had. The
-- office's bottleneck tab ranks units and key groups by overdue and amber measures; at a province's 100,000
-- measures it reads these few thousand rows (the light of a row is its deadline against today) instead of every
-- measure. measure/MeasureTally adds each measure's change in the transaction that writes it, once, in key order,
-- just before the commit; rows whose counts fell to zero stay (measures = 0) and are not shown.
CREATE TABLE measure_tally (
    unit_code       VARCHAR(64) NOT NULL,
    key_group_code  VARCHAR(64) NOT NULL,
    deadline        DATE        NOT NULL,
    measures        BIGINT      NOT NULL,
    open_measures   BIGINT      NOT NULL,
    reworks         BIGINT      NOT NULL,
    PRIMARY KEY (unit_code, key_group_code, deadline)
);

-- an existing ledger's measures (the statuses closed when this migration was written: signed off, handed over)
INSERT INTO measure_tally (unit_code, key_group_code, deadline, measures, open_measures, reworks)
SELECT m.unit_code, p.key_group_code, m.deadline, COUNT(*),
       SUM(CASE WHEN m.status IN ('SIGNED_OFF', 'NORMAL_MANAGEMENT') THEN 0 ELSE 1 END), SUM(m.rework_count)
FROM measure m
JOIN problem p ON p.id = m.problem_id
WHERE m.process_instance_id IS NOT NULL
GROUP BY m.unit_code, p.key_group_code, m.deadline;
