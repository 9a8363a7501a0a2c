package org.rectiflow.evidence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the Tasklist's evidence tab reads of the ledger besides the files: a task's subject and people's names. */
@Repository
public class TaskEvidenceRepository {

    private final JdbcClient jdbc;

    public TaskEvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The code of the measure whose instance this is (the ledger's {@code measure.process_instance_id}). */
    public Optional<String> measureOfInstance(String processInstanceId) {
        return jdbc.sql("SELECT code FROM measure WHERE process_instance_id = ?").param(processInstanceId)
            .query(String.class).optional();
    }

    /** The people's names (姓名, as the ledger keeps them) by user id; a user the ledger does not know is left out. */
    public Map<String, String> displayNames(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT user_id, display_name FROM org_user WHERE user_id IN (:ids)").param("ids", userIds)
            .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list()
            .forEach(row -> names.put(row[0], row[1]));
        return names;
    }
}
