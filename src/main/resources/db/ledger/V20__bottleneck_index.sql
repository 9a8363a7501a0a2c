-- Bottlenecks (issue 19): the engine's tasks and activity instances are joined to their measure by process instance.
CREATE INDEX idx_measure_process_instance ON measure (process_instance_id);
