package org.rectiflow.lookback;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.RuntimeService;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.Variable;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureService;
import org.springframework.stereotype.Service;

/**
 * 回头看: a random sample of the round's signed-off measures (the configured share of each unit's, at
 * least one per unit) is checked for relapse; a relapsed measure is reopened in a new
 * {@code measure-execution} instance. The diagram reads the sample through {@link LookBackSamples}.
 */
@Service
public class LookBackService {

    public enum Finding { NO_RELAPSE, RELAPSED }

    private final LookBackRepository repository;
    private final LookBackProperties properties;
    private final MeasureService measures;
    private final RuntimeService runtimeService;
    private final EngineClock clock;
    private final CurrentActor actor;
    private final Random random = new SecureRandom();

    public LookBackService(LookBackRepository repository, LookBackProperties properties, MeasureService measures,
                           RuntimeService runtimeService, EngineClock clock, CurrentActor actor) {
        this.repository = repository;
        this.properties = properties;
        this.measures = measures;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.actor = actor;
    }

    /** Draws and records the sample; returns its measure codes. */
    public List<String> drawSample(String roundCode) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (String[] row : repository.signedOff(roundCode)) {
            byUnit.computeIfAbsent(row[0], u -> new ArrayList<>()).add(row[1]);
        }
        List<String> sample = new ArrayList<>();
        for (List<String> codes : byUnit.values()) {
            int size = Math.max(1, (int) Math.ceil(properties.share() * codes.size()));
            List<String> shuffled = new ArrayList<>(codes);
            Collections.shuffle(shuffled, random);
            sample.addAll(shuffled.subList(0, Math.min(size, shuffled.size())));
        }
        Collections.sort(sample);
        for (String code : sample) {
            repository.insertSample(roundCode, code, clock.nowTimestamp());
        }
        return sample;
    }

    /** The sampled measures: the collection of the look-back check. */
    public List<String> sampled(String roundCode) {
        return repository.sampled(roundCode);
    }

    public void recordCheck(String roundCode, String measureCode, Finding finding, String findings) {
        repository.recordCheck(roundCode, measureCode, finding.name(), findings, actor.id(), clock.nowTimestamp());
    }

    /** Reopens a relapsed measure: the ledger first, then a new execution with the same business key. */
    public String reopen(String roundCode, String measureCode, String findings) {
        measures.reopen(measureCode, findings, clock.today().plus(properties.reopenPeriod()));
        return runtimeService.startProcessInstanceByKey(MeasureExecutionProcess.KEY, measureCode,
            Variable.map(MeasureExecutionProcess.Variables.MEASURE_CODE.value(measureCode),
                MeasureExecutionProcess.Variables.ROUND_CODE.value(roundCode))).getId();
    }
}
