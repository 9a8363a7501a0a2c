package org.rectiflow.bottleneck;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.rectiflow.bottleneck.BottleneckRepository.Deadlines;
import org.rectiflow.bottleneck.BottleneckRepository.Finished;
import org.rectiflow.bottleneck.BottleneckRepository.GroupLedger;
import org.rectiflow.bottleneck.BottleneckRepository.GroupStep;
import org.rectiflow.bottleneck.BottleneckRepository.Open;
import org.rectiflow.bottleneck.BottleneckRepository.OpenLights;
import org.rectiflow.bottleneck.BottleneckRepository.OpenMeasure;
import org.rectiflow.bottleneck.BottleneckRepository.OpenWaits;
import org.rectiflow.bottleneck.BottleneckRepository.Readers;
import org.rectiflow.bottleneck.Bottlenecks.ActivityView;
import org.rectiflow.bottleneck.Bottlenecks.DefinitionView;
import org.rectiflow.bottleneck.Bottlenecks.Filter;
import org.rectiflow.bottleneck.Bottlenecks.GroupView;
import org.rectiflow.bottleneck.Bottlenecks.InstanceView;
import org.rectiflow.bottleneck.Bottlenecks.MeasureView;
import org.rectiflow.bottleneck.Bottlenecks.OpenActivityView;
import org.rectiflow.bottleneck.Bottlenecks.StepView;
import org.rectiflow.clue.ClueHandlingProcess;
import org.rectiflow.clue.ClueProperties;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.common.deadline.Light;
import org.rectiflow.identity.AccessPolicy;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.plan.PlanProperties;
import org.rectiflow.plan.RectificationPlanProcess;
import org.rectiflow.security.ApiUser;
import org.rectiflow.supervision.EscalationProperties;
import org.springframework.stereotype.Service;

/**
 * Where the work waits, for Cockpit's bottleneck plugin. A process definition's figures cover every version of its
 * key (activity ids stay across versions; the diagram shown is the version opened). Who sees what: a user the
 * engine lets read the history of every instance of the key ({@code READ_HISTORY} on the definition: the
 * overseers, the process owner, administrators) sees all of it; any other user sees only the measures whose
 * instances {@link AccessPolicy#measureReaders} opens to them (their unit's, and the key groups their unit leads),
 * and nothing of the other diagrams (a refusal).
 */
@Service
public class BottleneckService {

    /** A measure's steps, in order, for the units' and key groups' medians. */
    static final List<String> MEASURE_STEPS = List.of(MeasureExecutionProcess.Elements.UNIT_RECTIFIES,
        MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF);

    /** How many units and key groups the ranking lists (a province has a thousand units: the top of the list). */
    static final int RANKED = 50;

    static final String ALL_INSTANCES = "全部实例";
    static final String OWN_MEASURES = "本单位及本单位牵头关键组的整改措施";

    /** A user task or a call activity of a diagram, in the diagram's order. */
    record Step(String id, String name, String type) {
    }

    private final BottleneckRepository repository;
    private final RepositoryService repositoryService;
    private final AuthorizationService authorizations;
    private final ApiUser user;
    private final AccessPolicy policy;
    private final EngineClock clock;
    private final Ladder measureLadder;
    private final int measureAmberDays;
    private final Map<String, Integer> amberDaysByKey;
    private final Map<String, List<Step>> stepsByDefinition = new ConcurrentHashMap<>();
    /** Runs a request's whole-table statements beside its others: a few threads, shared by every request. */
    private final ExecutorService statements = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "bottleneck-statements");
        thread.setDaemon(true);
        return thread;
    });

    public BottleneckService(BottleneckRepository repository, RepositoryService repositoryService,
                             AuthorizationService authorizations, ApiUser user, AccessPolicy policy,
                             EngineClock clock, EscalationProperties escalation, ClueProperties clues,
                             PlanProperties plans) {
        this.repository = repository;
        this.repositoryService = repositoryService;
        this.authorizations = authorizations;
        this.user = user;
        this.policy = policy;
        this.clock = clock;
        this.measureLadder = escalation.ladder();
        this.measureAmberDays = measureLadder.amberDaysBefore();
        this.amberDaysByKey = Map.of(ClueHandlingProcess.KEY, clues.reminderDaysBefore(),
            RectificationPlanProcess.KEY, plans.reminderDaysBefore());
    }

    // ---- a process definition

    public DefinitionView definition(String processDefinitionId) {
        BottleneckRepository.Definition definition = repository.definition(processDefinitionId)
            .orElseThrow(() -> BottleneckException.notFound("没有找到这个流程定义，请从流程列表重新打开"));
        Readers readers = readers(definition.key());
        List<Step> steps = steps(definition.id());
        Deadlines deadlines = deadlines(definition.key());
        Instant now = clock.now();

        boolean measures = MeasureExecutionProcess.KEY.equals(definition.key());
        // the statements that read a whole table run beside the others (docs/benchmarks.md): the open tasks'
        // lights, the measures' ledger, and the running call activities (the activity history, the largest table:
        // only if the diagram has a call activity)
        CompletableFuture<List<OpenLights>> lights = CompletableFuture.supplyAsync(
            () -> repository.openTaskLights(definition.key(), deadlines, readers), statements);
        CompletableFuture<BottleneckRepository.Ledgers> ledgers = measures
            ? CompletableFuture.supplyAsync(() -> repository.groupLedgers(deadlines, readers), statements)
            : CompletableFuture.completedFuture(null);
        CompletableFuture<List<Open>> calls = readers.all()
            && steps.stream().anyMatch(s -> "callActivity".equals(s.type()))
            ? CompletableFuture.supplyAsync(() -> repository.openCalls(definition.key(), deadlines), statements)
            : CompletableFuture.completedFuture(List.of());
        List<OpenWaits> waits = repository.openTaskWaits(definition.key(), readers);
        Map<String, Finished> finished = byActivity(repository.finishedSteps(definition.key(), readers),
            Finished::activityId);
        Map<String, OpenLights> lightsByActivity = byActivity(join(lights), OpenLights::activityId);
        Map<String, Open> open = new LinkedHashMap<>();
        for (OpenWaits w : waits) {
            OpenLights l = lightsByActivity.get(w.activityId());
            open.put(w.activityId(), new Open(w.activityId(), w.waiting(), w.medianSince(), w.p90Since(),
                l == null ? 0 : l.overdue(), l == null ? 0 : l.amber()));
        }
        open.putAll(byActivity(join(calls), Open::activityId));
        List<ActivityView> activities = new ArrayList<>();
        for (Step step : steps) {
            activities.add(activity(step, open.get(step.id()), finished.get(step.id()), now));
        }
        activities.sort(Comparator.comparing(ActivityView::waitP90Seconds, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ActivityView::waiting, Comparator.reverseOrder()));

        List<GroupView> units = List.of();
        List<GroupView> keyGroups = List.of();
        if (measures) {
            Map<String, String> stepNames = steps.stream().collect(Collectors.toMap(Step::id, Step::name, (a, b) -> a));
            List<GroupStep> unitSteps = repository.unitSteps(definition.key(), MEASURE_STEPS, readers);
            List<GroupStep> keyGroupSteps = repository.keyGroupSteps(definition.key(), MEASURE_STEPS, readers);
            BottleneckRepository.Ledgers ledger = join(ledgers);
            units = groups(ledger.units(), unitSteps, stepNames,
                g -> new Filter(MeasureExecutionProcess.Variables.UNIT_GROUP.name(), g.code()));
            keyGroups = groups(ledger.keyGroups(), keyGroupSteps, stepNames,
                g -> new Filter(MeasureExecutionProcess.Variables.LEAD_UNIT_GROUP.name(), g.leadUnitCode()));
        }
        return new DefinitionView(definition.id(), definition.key(), definition.name(), asOf(now),
            readers.all() ? ALL_INSTANCES : OWN_MEASURES, activities, top(units), units.size(), top(keyGroups),
            keyGroups.size());
    }

    private static ActivityView activity(Step step, Open open, Finished finished, Instant now) {
        long waiting = open == null ? 0 : open.waiting();
        Long waitMedian = open == null ? null : since(open.medianSince(), now);
        Long waitP90 = open == null ? null : since(open.p90Since(), now);
        Long durationMedian = finished == null ? null : finished.medianSeconds();
        Long durationP90 = finished == null ? null : finished.p90Seconds();
        long overdue = open == null ? 0 : open.overdue();
        long amber = open == null ? 0 : open.amber();
        Light light = Waits.light(waiting, overdue, amber);
        return new ActivityView(step.id(), step.name(), step.type(), waiting, Waits.text(waitMedian),
            Waits.text(waitP90), waitMedian, waitP90, finished == null ? 0 : finished.finished(),
            Waits.text(durationMedian), Waits.text(durationP90), durationMedian, durationP90, overdue, amber,
            Waits.name(light), Waits.label(light));
    }

    private List<GroupView> groups(List<GroupLedger> ledger, List<GroupStep> steps, Map<String, String> stepNames,
                                   Function<GroupLedger, Filter> filter) {
        Map<String, Map<String, GroupStep>> stepsByGroup = new LinkedHashMap<>();
        for (GroupStep s : steps) {
            stepsByGroup.computeIfAbsent(s.code(), c -> new LinkedHashMap<>()).put(s.activityId(), s);
        }
        List<GroupView> views = new ArrayList<>();
        for (GroupLedger g : ledger) {
            Map<String, GroupStep> own = stepsByGroup.getOrDefault(g.code(), Map.of());
            List<StepView> stepViews = MEASURE_STEPS.stream().map(id -> {
                GroupStep s = own.get(id);
                Long median = s == null ? null : s.medianSeconds();
                return new StepView(id, stepNames.getOrDefault(id, id), s == null ? 0 : s.finished(),
                    Waits.text(median), median);
            }).toList();
            Light light = Waits.light(g.open(), g.overdue(), g.amber());
            views.add(new GroupView(g.code(), g.name(), g.leadUnitName(), g.open(), g.overdue(), g.amber(),
                g.reworks(), Waits.name(light), Waits.label(light), stepViews, filter.apply(g)));
        }
        views.sort(Comparator.comparing(GroupView::overdue, Comparator.reverseOrder())
            .thenComparing(BottleneckService::longestStep, Comparator.reverseOrder())
            .thenComparing(GroupView::open, Comparator.reverseOrder())
            .thenComparing(GroupView::name));
        return views;
    }

    private static long longestStep(GroupView group) {
        return group.steps().stream().map(StepView::medianSeconds).filter(s -> s != null)
            .mapToLong(Long::longValue).max().orElse(-1);
    }

    // ---- a process instance

    public InstanceView instance(String processInstanceId) {
        BottleneckRepository.Instance instance = repository.instance(processInstanceId)
            .orElseThrow(() -> BottleneckException.notFound("没有找到这个流程实例，它可能已被删除"));
        Readers readers = instanceReaders(instance);
        BottleneckRepository.Definition definition = repository.definition(instance.definitionId())
            .orElseThrow(() -> BottleneckException.notFound("没有找到这个流程实例的流程定义"));
        Map<String, Step> steps = steps(definition.id()).stream()
            .collect(Collectors.toMap(Step::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Deadlines deadlines = deadlines(definition.key());
        Instant now = clock.now();

        List<Open> open = new ArrayList<>(repository.openTasksOf(instance.id(), deadlines));
        open.addAll(repository.openCallsOf(instance.id(), deadlines));
        List<OpenActivityView> activities = open.stream()
            .filter(o -> steps.containsKey(o.activityId()))
            .map(o -> {
                Step step = steps.get(o.activityId());
                Long waited = since(o.medianSince(), now);
                Light light = Waits.light(o.waiting(), o.overdue(), o.amber());
                return new OpenActivityView(step.id(), step.name(), step.type(), o.waiting(),
                    clock.chinese(o.medianSince()), Waits.text(waited), waited, o.overdue(), o.amber(),
                    Waits.name(light), Waits.label(light));
            })
            .sorted(Comparator.comparing(OpenActivityView::waitedSeconds, Comparator.nullsLast(Comparator.reverseOrder())))
            .toList();

        Optional<String> round = repository.roundOf(instance.id());
        List<OpenMeasure> rows = round.isPresent() ? repository.openMeasuresOfRound(round.get())
            : MeasureExecutionProcess.KEY.equals(instance.definitionKey())
            ? repository.openMeasureOfInstance(instance.id()) : List.of();
        return new InstanceView(instance.id(), definition.key(), definition.name(), asOf(now),
            readers.all() ? ALL_INSTANCES : OWN_MEASURES, activities, measures(rows, now));
    }

    /** One line per open measure: where it waits (its tasks, earliest first), since when, its light. */
    private List<MeasureView> measures(List<OpenMeasure> rows, Instant now) {
        Map<String, List<OpenMeasure>> byMeasure = rows.stream()
            .collect(Collectors.groupingBy(OpenMeasure::code, LinkedHashMap::new, Collectors.toList()));
        LocalDate today = clock.today();
        record Line(Light light, MeasureView view) {
        }
        List<Line> lines = new ArrayList<>();
        for (List<OpenMeasure> tasks : byMeasure.values()) {
            OpenMeasure first = tasks.get(0);
            List<OpenMeasure> waiting = tasks.stream().filter(t -> t.activityId() != null).toList();
            Timestamp since = waiting.isEmpty() ? null : waiting.get(0).since();
            Long waited = since(since, now);
            Light light = measureLadder.light(false, first.deadline(), today);
            lines.add(new Line(light, new MeasureView(first.code(), first.content(), first.unitCode(),
                first.unitName(), first.keyGroupName(), first.processInstanceId(),
                waiting.isEmpty() ? null : waiting.get(0).activityId(),
                waiting.isEmpty() ? null : waiting.stream().map(OpenMeasure::activityName).distinct()
                    .collect(Collectors.joining("、")),
                since == null ? null : clock.chinese(since), Waits.text(waited), waited,
                EngineClock.chinese(first.deadline()), light.name(), light.label())));
        }
        // the worst light first (Light.worse), then the longest wait
        Comparator<Light> worseFirst = (a, b) -> a == b ? 0 : a.worse(b) == a ? -1 : 1;
        return lines.stream()
            .sorted(Comparator.comparing(Line::light, worseFirst)
                .thenComparing(l -> l.view().waitedSeconds(), Comparator.nullsLast(Comparator.reverseOrder())))
            .map(Line::view)
            .toList();
    }

    // ---- who sees what

    /** Everyone's instances for a user who may read the key's history; else their measures, or a refusal. */
    Readers readers(String key) {
        List<String> groups = user.groupIds();
        if (authorizations.isUserAuthorized(user.userId(), groups, ProcessDefinitionPermissions.READ_HISTORY,
            Resources.PROCESS_DEFINITION, key)) {
            return Readers.everyone();
        }
        if (MeasureExecutionProcess.KEY.equals(key)) {
            return new Readers(false, groups);
        }
        throw BottleneckException.forbidden("您只能查看本单位整改措施的瓶颈情况，这个流程的情况请向整改专班了解");
    }

    private Readers instanceReaders(BottleneckRepository.Instance instance) {
        Readers readers = readers(instance.definitionKey());
        if (readers.all()) {
            return readers;
        }
        BottleneckRepository.MeasureReaders measure = repository.measureOf(instance.id()).orElse(null);
        if (measure == null || !policy.mayReadMeasure(readers.groups(), measure.unitCode(), measure.leadUnitCode())) {
            throw BottleneckException.forbidden("您只能查看本单位及本单位牵头关键组的整改措施");
        }
        return readers;
    }

    // ---- helpers

    /** The user tasks and call activities of a definition (deployed definitions never change: kept). */
    List<Step> steps(String processDefinitionId) {
        return stepsByDefinition.computeIfAbsent(processDefinitionId, id -> {
            try {
                return repositoryService.getBpmnModelInstance(id).getModelElementsByType(FlowNode.class).stream()
                    .filter(n -> n instanceof UserTask || n instanceof CallActivity)
                    .map(n -> new Step(n.getId(), n.getName() == null ? n.getId() : n.getName(),
                        n instanceof UserTask ? "userTask" : "callActivity"))
                    .toList();
            } catch (AuthorizationException e) {
                throw BottleneckException.forbidden("您没有查看这个流程定义的权限");
            }
        });
    }

    private Deadlines deadlines(String key) {
        LocalDate today = clock.today();
        int amberDays = amberDaysByKey.getOrDefault(key, measureAmberDays);
        return new Deadlines(today, today.plusDays(measureAmberDays),
            Timestamp.from(today.atStartOfDay(clock.zone()).toInstant()),
            Timestamp.from(today.plusDays(amberDays + 1L).atStartOfDay(clock.zone()).toInstant()));
    }

    private String asOf(Instant now) {
        return clock.chinese(Timestamp.from(now));
    }

    private static List<GroupView> top(List<GroupView> ranked) {
        return ranked.size() <= RANKED ? ranked : List.copyOf(ranked.subList(0, RANKED));
    }

    /** The value of a statement run beside the request's own; its failure as the request's. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        statements.shutdownNow();
    }

    private static <T> Map<String, T> byActivity(List<T> rows, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(id.apply(r), r));
        return map;
    }

    private static Long since(Timestamp start, Instant now) {
        return start == null ? null : Math.max(0, now.getEpochSecond() - start.toInstant().getEpochSecond());
    }
}
