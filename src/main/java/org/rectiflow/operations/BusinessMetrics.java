package org.rectiflow.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.rectiflow.common.EngineClock;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.notification.NotificationRepository;
import org.rectiflow.supervision.EscalationStep;
import org.springframework.stereotype.Component;

/**
 * The figures an operator watches, as gauges read from the ledger and the engine at each scrape
 * ({@code /actuator/prometheus}): measures by status and overdue, notices by ladder step, the notification
 * outbox's backlog and dead letters, failed jobs and open incidents. Each is one COUNT ({@link MetricsRepository}).
 */
@Component
public class BusinessMetrics implements MeterBinder {

    private final MetricsRepository ledger;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final EngineClock clock;

    public BusinessMetrics(MetricsRepository ledger, ManagementService managementService, RuntimeService runtimeService,
                           EngineClock clock) {
        this.ledger = ledger;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MeasureStatus status : MeasureStatus.values()) {
            Gauge.builder("rectiflow.measures", () -> ledger.measures(status))
                .tag("status", status.name())
                .description("Measures in the ledger by status")
                .register(registry);
        }
        Gauge.builder("rectiflow.measures.open", ledger::openMeasures)
            .description("Measures not signed off nor handed to normal management")
            .register(registry);
        Gauge.builder("rectiflow.measures.overdue", () -> ledger.overdueMeasures(clock.today()))
            .description("Open measures past their deadline")
            .register(registry);
        for (EscalationStep step : EscalationStep.values()) {
            Gauge.builder("rectiflow.notices", () -> ledger.notices(step.name()))
                .tag("step", step.name())
                .description("Supervision notices issued, by ladder step")
                .register(registry);
        }
        Gauge.builder("rectiflow.outbox.backlog", () -> ledger.notifications(NotificationRepository.PENDING))
            .description("Notifications waiting for delivery")
            .register(registry);
        Gauge.builder("rectiflow.outbox.sent", () -> ledger.notifications(NotificationRepository.SENT))
            .description("Notifications delivered")
            .register(registry);
        Gauge.builder("rectiflow.outbox.failed", () -> ledger.notifications(NotificationRepository.FAILED))
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
}
