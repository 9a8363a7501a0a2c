package org.rectiflow.operations;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.rectiflow.common.EngineClock;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.supervision.EscalationStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures an operator watches, as gauges read from the ledger and the engine at each scrape
 * ({@code /actuator/prometheus}): measures by status and overdue, notices by ladder step, the notification
 * outbox's backlog and dead letters, failed jobs and open incidents. Each is one COUNT.
 */
@Component
public class BusinessMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final EngineClock clock;

    public BusinessMetrics(JdbcClient jdbc, ManagementService managementService, RuntimeService runtimeService,
                           EngineClock clock) {
        this.jdbc = jdbc;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MeasureStatus status : MeasureStatus.values()) {
            Gauge.builder("rectiflow.measures", () -> count("SELECT COUNT(*) FROM measure WHERE status = ?",
                    status.name()))
                .tag("status", status.name())
                .description("Measures in the ledger by status")
                .register(registry);
        }
        List<String> closed = MeasureStatus.CLOSED.stream().map(Enum::name).sorted().toList();
        Gauge.builder("rectiflow.measures.open", () -> count(
                "SELECT COUNT(*) FROM measure WHERE status NOT IN (?, ?)", closed.get(0), closed.get(1)))
            .description("Measures not signed off nor handed to normal management")
            .register(registry);
        Gauge.builder("rectiflow.measures.overdue", () -> count(
                "SELECT COUNT(*) FROM measure WHERE status NOT IN (?, ?) AND deadline < ?",
                closed.get(0), closed.get(1), clock.today()))
            .description("Open measures past their deadline")
            .register(registry);
        for (EscalationStep step : EscalationStep.values()) {
            Gauge.builder("rectiflow.notices", () -> count(
                    "SELECT COUNT(*) FROM supervision_notice WHERE step = ?", step.name()))
                .tag("step", step.name())
                .description("Supervision notices issued, by ladder step")
                .register(registry);
        }
        Gauge.builder("rectiflow.outbox.backlog", () -> count(
                "SELECT COUNT(*) FROM notification WHERE status = ?", "PENDING"))
            .description("Notifications waiting for delivery")
            .register(registry);
        Gauge.builder("rectiflow.outbox.sent", () -> count(
                "SELECT COUNT(*) FROM notification WHERE status = ?", "SENT"))
            .description("Notifications delivered")
            .register(registry);
        Gauge.builder("rectiflow.outbox.failed", () -> count(
                "SELECT COUNT(*) FROM notification WHERE status = ?", "FAILED"))
            .description("Notifications given up after their last retry")
            .register(registry);
        Gauge.builder("rectiflow.jobs.failed", () -> managementService.createJobQuery().noRetriesLeft().count())
            .description("Engine jobs whose retries are used up (each has an incident)")
            .register(registry);
        Gauge.builder("rectiflow.jobs.retrying", () -> managementService.createJobQuery().withException()
                .withRetriesLeft().count())
            .description("Engine jobs that failed and wait for their next retry")
            .register(registry);
        Gauge.builder("rectiflow.incidents", () -> runtimeService.createIncidentQuery().count())
            .description("Open incidents (Cockpit lists them)")
            .register(registry);
    }

    private double count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
