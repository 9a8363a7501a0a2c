-- A unit's shape (issue 15): its kind (类别, free text such as 机关部门、直属单位、下级党组织、乡镇（街道）), its
-- parent unit (上级单位, optional) and, once it is merged into another unit, that unit (合并: its open measures,
-- the key groups it led and its people moved there; the unit itself is retired, its past measures keep it).
ALTER TABLE org_unit ADD COLUMN kind VARCHAR(20);
ALTER TABLE org_unit ADD COLUMN parent_code VARCHAR(64);
ALTER TABLE org_unit ADD COLUMN merged_into_code VARCHAR(64);
ALTER TABLE org_unit ADD CONSTRAINT org_unit_parent FOREIGN KEY (parent_code) REFERENCES org_unit (code);
ALTER TABLE org_unit ADD CONSTRAINT org_unit_merged_into FOREIGN KEY (merged_into_code) REFERENCES org_unit (code);
