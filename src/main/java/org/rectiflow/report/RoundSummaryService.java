package org.rectiflow.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectiflow.bulletin.BulletinRepository;
import org.rectiflow.bulletin.BulletinRepository.MeasureState;
import org.rectiflow.bulletin.BulletinScope;
import org.rectiflow.bulletin.BulletinService;
import org.rectiflow.clue.ClueKind;
import org.rectiflow.clue.ClueRepository;
import org.rectiflow.clue.ClueRepository.Clue;
import org.rectiflow.clue.ClueStatus;
import org.rectiflow.common.EngineClock;
import org.rectiflow.identity.Scope;
import org.rectiflow.common.deadline.Outcomes;
import org.rectiflow.inspection.RoundRepository;
import org.springframework.stereotype.Service;

/** Computes a round's summary from the ledger, for a {@link Scope}: the whole round or some units only. */
@Service
public class RoundSummaryService {

    private final RoundRepository rounds;
    private final BulletinRepository bulletins;
    private final BulletinService bulletinService;
    private final ClueRepository clues;
    private final ReportReadModel ledger;
    private final EngineClock clock;

    public RoundSummaryService(RoundRepository rounds, BulletinRepository bulletins, BulletinService bulletinService,
                               ClueRepository clues, ReportReadModel ledger, EngineClock clock) {
        this.rounds = rounds;
        this.bulletins = bulletins;
        this.bulletinService = bulletinService;
        this.clues = clues;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @param scope the units to count; the whole round's summary also holds the key groups and the clues
     * @return empty when the round does not exist
     */
    public java.util.Optional<RoundSummary> summary(String code, Scope scope) {
        return rounds.round(code).map(round -> {
            LocalDate today = clock.today();
            List<MeasureState> measures = bulletins.measuresOfRound(code).stream()
                .filter(m -> scope.includes(m.unitCode())).toList();
            Outcomes outcomes = bulletinService.outcomes(measures, today);
            Outcomes.Counts counts = outcomes.measures();
            Map<String, Long> byStatus = measures.stream()
                .collect(Collectors.groupingBy(m -> m.status().name(), TreeMap::new, Collectors.counting()));
            List<BulletinRepository.Line> lines = bulletinService.lines(measures, today);
            List<ReportReadModel.MechanismRow> mechanisms = ledger.mechanisms(code, scope);
            Map<String, Long> byUnit = mechanisms.stream()
                .collect(Collectors.groupingBy(ReportReadModel.MechanismRow::unitCode, Collectors.counting()));
            Map<String, Long> byGroup = mechanisms.stream().flatMap(m -> m.keyGroupCodes().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            return new RoundSummary(round.code(), round.title(), round.status().name(),
                new RoundSummary.Measures(measures.size(), outcomes.closed(), outcomes.completionRate(),
                    outcomes.overdue(), byStatus, counts.rectified(), counts.basicallyDone(), counts.notDone(),
                    counts.inProgress(), counts.completionRatePercent()),
                scopes(lines, bulletinService.outcomesBy(measures, today, BulletinScope.UNIT), BulletinScope.UNIT,
                    byUnit),
                scope.isAllUnits()
                    ? scopes(lines, bulletinService.outcomesBy(measures, today, BulletinScope.KEY_GROUP),
                        BulletinScope.KEY_GROUP, byGroup)
                    : List.of(),
                notices(code, scope, measures),
                scope.isAllUnits() ? clues(code) : null, burnDown(code, scope, measures.size(), today),
                RoundSummary.Figures.of(outcomes.problems()), mechanisms.size());
        });
    }

    /** Open measures over time: every closing day lowers the line by the measures closed on it. */
    private List<RoundSummary.BurnDown> burnDown(String code, Scope scope, long total, LocalDate today) {
        Map<LocalDate, Long> closedOn = ledger.closedPerDay(code, scope);
        List<RoundSummary.BurnDown> line = new java.util.ArrayList<>();
        LocalDate registered = rounds.requireRound(code).registeredOn();
        line.add(new RoundSummary.BurnDown(registered.toString(), total));
        long open = total;
        for (Map.Entry<LocalDate, Long> day : closedOn.entrySet()) {
            open -= day.getValue();
            line.add(new RoundSummary.BurnDown(day.getKey().toString(), open));
        }
        if (!closedOn.containsKey(today) && today.isAfter(registered)) {
            line.add(new RoundSummary.BurnDown(today.toString(), open));
        }
        return line;
    }

    /** The bulletin's lines of one scope, each with its figures ({@link Outcomes}, by the line's code). */
    private static List<RoundSummary.Scope> scopes(List<BulletinRepository.Line> lines, Map<String, Outcomes> figures,
                                                   BulletinScope scope, Map<String, Long> mechanisms) {
        return lines.stream().filter(l -> l.scope() == scope)
            .map(l -> {
                Outcomes outcomes = figures.getOrDefault(l.scopeCode(), Outcomes.NONE);
                Outcomes.Counts m = outcomes.measures();
                return new RoundSummary.Scope(l.scopeCode(), l.scopeName(), l.total(), l.closed(), l.openCount(),
                    l.overdue(), l.colour().name(), m.rectified(), m.basicallyDone(), m.notDone(), m.inProgress(),
                    m.completionRatePercent(), RoundSummary.Figures.of(outcomes.problems()),
                    mechanisms.getOrDefault(l.scopeCode(), 0L));
            })
            .toList();
    }

    /** The notices of the measures counted: a unit's user gets those of the units of its measures. */
    private Map<String, Long> notices(String code, Scope scope, List<MeasureState> measures) {
        return ledger.noticesByStep(code, scope.isAllUnits() ? scope
            : Scope.units(measures.stream().map(MeasureState::unitCode).distinct().toList()));
    }

    /** Part 三: duplicates count as their original's outcome for the law-related petitions, as the seed does. */
    private RoundSummary.Clues clues(String code) {
        List<Clue> all = clues.ofRound(code);
        Map<String, Clue> byCode = all.stream().collect(Collectors.toMap(Clue::code, Function.identity()));
        List<Clue> petitions = all.stream().filter(c -> c.kind() == ClueKind.PETITION).toList();
        List<Clue> lawRelated = all.stream().filter(c -> c.kind() == ClueKind.LAW_RELATED).toList();
        Map<String, Long> triage = petitions.stream().filter(c -> c.triage() != null)
            .collect(Collectors.groupingBy(c -> c.triage().name(), LinkedHashMap::new, Collectors.counting()));
        long substantiated = petitions.stream()
            .filter(c -> c.verificationResult() != null && c.verificationResult().substantiated()).count();
        List<ClueRepository.Accountability> accountability = clues.accountability(code);
        Map<String, Long> forms = accountability.stream()
            .collect(Collectors.groupingBy(a -> a.form().name(), LinkedHashMap::new, Collectors.counting()));
        Map<String, Long> lawOutcomes = lawRelated.stream()
            .map(c -> c.duplicateOf() == null ? c : byCode.get(c.duplicateOf()))
            .filter(c -> c.lawOutcome() != null)
            .collect(Collectors.groupingBy(c -> c.lawOutcome().name(), LinkedHashMap::new, Collectors.counting()));
        return new RoundSummary.Clues(petitions.size(), count(petitions), triage, substantiated, forms,
            accountability.size(), lawRelated.size(), count(lawRelated), lawOutcomes);
    }

    private static long count(List<Clue> clues) {
        return clues.stream().filter(c -> c.status() == ClueStatus.DUPLICATE).count();
    }
}
