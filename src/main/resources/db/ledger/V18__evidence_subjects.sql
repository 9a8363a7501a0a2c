-- Evidence files of other subjects than a measure's report (issue 16): the unit plan of a unit in a round
-- (制定本单位整改方案, bound to the plan's submission number), a clue's preliminary verification (初步核实), a look-back
-- check (核查整改成效) and a mechanism's documents (制度文件). One table: subject_kind says which, the CHECK which keys
-- are set; report_no is the number of the subject's submission a file was bound with (the measure's report, the unit
-- plan's submission; 1 for a verification, a look-back check and a mechanism's documents). Existing rows are a
-- measure's report files.
ALTER TABLE evidence_file ADD COLUMN subject_kind VARCHAR(16) DEFAULT 'MEASURE_REPORT' NOT NULL;
ALTER TABLE evidence_file ADD COLUMN round_code VARCHAR(64) REFERENCES inspection_round (code);
ALTER TABLE evidence_file ADD COLUMN unit_code VARCHAR(64) REFERENCES org_unit (code);
ALTER TABLE evidence_file ADD COLUMN clue_code VARCHAR(64) REFERENCES clue (code);
ALTER TABLE evidence_file ADD COLUMN look_back_id BIGINT REFERENCES look_back (id);
ALTER TABLE evidence_file ADD COLUMN mechanism_id BIGINT REFERENCES mechanism (id);
ALTER TABLE evidence_file ALTER COLUMN measure_code DROP NOT NULL;
ALTER TABLE evidence_file ADD CONSTRAINT ck_evidence_file_subject CHECK (
    (subject_kind = 'MEASURE_REPORT' AND measure_code IS NOT NULL AND round_code IS NULL AND unit_code IS NULL
        AND clue_code IS NULL AND look_back_id IS NULL AND mechanism_id IS NULL)
    OR (subject_kind = 'UNIT_PLAN' AND round_code IS NOT NULL AND unit_code IS NOT NULL AND measure_code IS NULL
        AND clue_code IS NULL AND look_back_id IS NULL AND mechanism_id IS NULL)
    OR (subject_kind = 'CLUE' AND clue_code IS NOT NULL AND measure_code IS NULL AND round_code IS NULL
        AND unit_code IS NULL AND look_back_id IS NULL AND mechanism_id IS NULL)
    OR (subject_kind = 'LOOK_BACK' AND look_back_id IS NOT NULL AND measure_code IS NULL AND round_code IS NULL
        AND unit_code IS NULL AND clue_code IS NULL AND mechanism_id IS NULL)
    OR (subject_kind = 'MECHANISM' AND mechanism_id IS NOT NULL AND measure_code IS NULL AND round_code IS NULL
        AND unit_code IS NULL AND clue_code IS NULL AND look_back_id IS NULL));

CREATE INDEX ix_evidence_file_unit_plan ON evidence_file (round_code, unit_code, report_no);
CREATE INDEX ix_evidence_file_clue ON evidence_file (clue_code);
CREATE INDEX ix_evidence_file_look_back ON evidence_file (look_back_id);
CREATE INDEX ix_evidence_file_mechanism ON evidence_file (mechanism_id);
