package org.rectiflow.cluster;

import java.util.ArrayList;
import java.util.List;

import org.rectiflow.support.PostgresTestDatabase;

/** The settings every node and the seeding context of the cluster and crash tests share. */
final class ClusterSettings {

    static final String ADMIN = "clusteradmin";
    static final String ADMIN_PASSWORD = "Zhenggai#2026";
    /** Job locks expire this fast, so a killed node's jobs are taken over within the test. */
    static final long LOCK_MILLIS = 8_000;
    /** The nodes' time zone, the office's (as the image sets TZ): their engines write local times of it. */
    static final String ZONE = "Asia/Shanghai";

    private ClusterSettings() {
    }

    /**
     * The prod profile on the test's database, with the demo organisation and its users as the initial import (the
     * users get passwords of their own, unknown to anyone: prod shares none, and the tests log in as the
     * administrator only).
     */
    static List<String> common(String databaseUrl) {
        List<String> settings = new ArrayList<>(PostgresTestDatabase.datasourceArguments(databaseUrl));
        settings.addAll(List.of(
            "--spring.profiles.active=prod",
            "--rectiflow.admin.user=" + ADMIN,
            "--rectiflow.admin.password=" + ADMIN_PASSWORD,
            "--rectiflow.organisation.file=classpath:organisation/organisation.yml",
            "--rectiflow.organisation.users-file=classpath:organisation/demo-users.yml",
            "--rectiflow.plan.comment-rounds=1",
            "--logging.level.rectiflow.notifications=WARN"));
        return settings;
    }

    /**
     * A node: its name in the engine's job log and the outbox's claims, its port, its job executor on with the
     * settings of {@code application.yml} (each test or benchmark adds its own, {@link #TEST_NODE} for the tests).
     */
    static List<String> node(String name, String databaseUrl, int port) {
        List<String> settings = new ArrayList<>(common(databaseUrl));
        settings.addAll(List.of(
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--rectiflow.node-id=" + name,
            "--camunda.bpm.generic-properties.properties.hostname=" + name,
            "--camunda.bpm.job-execution.enabled=true",
            // the health check's details name the job executor's lock owner id (ClusterNode#lockOwner)
            "--management.endpoint.health.show-details=always"));
        return settings;
    }

    /** The cluster and crash tests' node: a short job lock, a small job executor and a fast outbox. */
    static final List<String> TEST_NODE = List.of(
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        // one worker and batches of 20: the storm lasts seconds, and a node always holds locked jobs
        "--camunda.bpm.job-execution.core-pool-size=1",
        "--camunda.bpm.job-execution.max-pool-size=1",
        "--camunda.bpm.job-execution.queue-capacity=20",
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=20",
        "--camunda.bpm.job-execution.max-wait=2000",
        "--rectiflow.notification.dispatch-interval=PT1S");
}
