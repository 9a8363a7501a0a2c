-- A round the office registers as a historical record: its deadlines may lie before the day of registration,
-- and no reminder fires for a date already past. Every other round's deadlines start today or later.
ALTER TABLE inspection_round ADD COLUMN historical BOOLEAN DEFAULT FALSE NOT NULL;
