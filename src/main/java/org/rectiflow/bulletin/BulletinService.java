package org.rectiflow.bulletin;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectiflow.bulletin.BulletinRepository.Bulletin;
import org.rectiflow.bulletin.BulletinRepository.Line;
import org.rectiflow.bulletin.BulletinRepository.MeasureState;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.common.deadline.Light;
import org.rectiflow.common.deadline.Outcomes;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.Notification;
import org.rectiflow.notification.NotificationKey;
import org.rectiflow.notification.NotificationService;
import org.rectiflow.notification.Recipients;
import org.rectiflow.supervision.EscalationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The progress bulletin's rules (DESIGN §3, 整改进展通报): for every round in rectification, per unit and
 * per key group, how many measures there are, how many are closed (signed off or handed to normal
 * management), open and overdue, and the status light: the worst {@link Light} of its open measures, as the
 * ladder ({@link Ladder#light}) gives it, counted by {@link Outcomes}. The bulletin goes to the groups its
 * service task names (the leading group and the office).
 *
 * <p>Compiling writes plain inserts: it runs once per timer job, and a failed job rolls back with the
 * engine's transaction. The notification carries the unique key {@code bulletin:<id>}, so notifying
 * again writes nothing twice.
 */
@Service
public class BulletinService {

    /** The outbox body's column holds 4000 characters. */
    private static final int MAX_BODY = 4000;

    private static final Logger LOG = LoggerFactory.getLogger(BulletinService.class);

    /** The placeholders of the bulletin's subject and body. */
    public static final Set<String> PLACEHOLDERS = Set.of("asOf", "summary", "measuresTotal", "measuresClosed",
        "measuresOverdue", "measuresRectified", "measuresBasicallyDone", "measuresNotDone", "completionRate");

    /** What the bulletin said, and to whom, before the diagram set it. */
    public static final MessageSettings LEGACY_MESSAGE = new MessageSettings(Set.of(),
        List.of(RoleGroups.LEADING_GROUP, RoleGroups.OFFICE), "【整改进展通报】截至{asOf}", "{summary}");

    private final BulletinRepository repository;
    private final NotificationService notifications;
    private final Recipients recipients;
    private final EscalationProperties escalation;
    private final Ladder ladder;
    private final EngineClock clock;

    public BulletinService(BulletinRepository repository, NotificationService notifications,
                           Recipients recipients, EscalationProperties escalation, EngineClock clock) {
        this.repository = repository;
        this.notifications = notifications;
        this.recipients = recipients;
        this.escalation = escalation;
        this.ladder = escalation.ladder();
        this.clock = clock;
    }

    /** The bulletin's notification key as text ({@link NotificationKey#bulletin}). */
    public static String notificationKey(long bulletinId) {
        return NotificationKey.bulletin(bulletinId).text();
    }

    /** Counts the ledger as of the engine clock's today, stores the bulletin and its lines; returns its id. */
    public long compile() {
        LocalDate today = clock.today();
        List<MeasureState> measures = repository.measuresInRectification();
        Outcomes outcomes = outcomes(measures, today);
        int closed = outcomes.closed();
        int overdue = outcomes.overdue();
        long id = repository.insertBulletin(clock.nowTimestamp(), today, outcomes);
        List<Line> lines = lines(measures, today);
        for (Line line : lines) {
            repository.insertLine(id, line);
        }
        LOG.info("Progress bulletin {} as of {}: {} measures, {} closed, {} overdue, {} lines", id, today,
            measures.size(), closed, overdue, lines.size());
        return id;
    }

    /**
     * The lines of measures as of a day: per round, per unit and per key group, their counts and light,
     * in round, scope and organisation order. The summary API shows the same lines for one round.
     */
    public List<Line> lines(List<MeasureState> measures, LocalDate today) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (MeasureState m : measures) {
            Light light = m.light(ladder, today);
            Outcomes.Counted counted = new Outcomes.Counted(m.problemId(), light, m.outcome());
            tallies.computeIfAbsent(m.roundCode() + "/UNIT/" + m.unitCode(),
                k -> new Tally(m.roundCode(), BulletinScope.UNIT, m.unitCode(), m.unitName(), m.unitOrder()))
                .add(counted);
            tallies.computeIfAbsent(m.roundCode() + "/KEY_GROUP/" + m.keyGroupCode(),
                k -> new Tally(m.roundCode(), BulletinScope.KEY_GROUP, m.keyGroupCode(), m.keyGroupName(),
                    m.keyGroupOrder()))
                .add(counted);
        }
        return tallies.values().stream()
            .sorted(Comparator.comparing((Tally t) -> t.roundCode).thenComparing(t -> t.scope)
                .thenComparingInt(t -> t.order).thenComparing(t -> t.code))
            .map(Tally::line)
            .toList();
    }

    /** How measures stand on a day, and their figures: the bulletin's totals, and the round summary's. */
    public Outcomes outcomes(List<MeasureState> measures, LocalDate today) {
        return Outcomes.of(measures.stream().map(m -> m.counted(ladder, today)).toList());
    }

    /**
     * The figures of measures per unit or per key group (by its code), in the order first met: the round
     * summary's lines show them beside the bulletin's counts.
     */
    public Map<String, Outcomes> outcomesBy(List<MeasureState> measures, LocalDate today, BulletinScope scope) {
        Map<String, List<Outcomes.Counted>> byScope = new LinkedHashMap<>();
        for (MeasureState m : measures) {
            String code = scope == BulletinScope.UNIT ? m.unitCode() : m.keyGroupCode();
            byScope.computeIfAbsent(code, c -> new java.util.ArrayList<>()).add(m.counted(ladder, today));
        }
        Map<String, Outcomes> figures = new LinkedHashMap<>();
        byScope.forEach((code, counted) -> figures.put(code, Outcomes.of(counted)));
        return figures;
    }

    /**
     * Queues the bulletin for the groups the message names (the leading group and the office in the diagram);
     * returns the outbox rows written.
     */
    public int notify(long bulletinId, MessageSettings message) {
        Bulletin bulletin = repository.require(bulletinId);
        List<Line> lines = repository.lines(bulletinId);
        Map<String, Object> values = new HashMap<>();
        values.put("asOf", EngineClock.chinese(bulletin.asOf()));
        values.put("summary", summary(bulletin, lines));
        values.put("measuresTotal", bulletin.measuresTotal());
        values.put("measuresClosed", bulletin.measuresClosed());
        values.put("measuresOverdue", bulletin.measuresOverdue());
        values.put("measuresRectified", bulletin.measuresRectified());
        values.put("measuresBasicallyDone", bulletin.measuresBasicallyDone());
        values.put("measuresNotDone", bulletin.measuresNotDone());
        values.put("completionRate", bulletin.completionRatePercent() + "%");
        String body = message.body(values);
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY - 2) + "……";
        }
        return notifications.enqueue(new Notification(NotificationKey.bulletin(bulletinId),
            recipients.of(message, null, List.of()), message.subject(values), body, null));
    }

    /** The bulletin in words: the totals, then the red and amber units and key groups. */
    String summary(Bulletin bulletin, List<Line> lines) {
        String asOf = EngineClock.chinese(bulletin.asOf());
        if (lines.isEmpty()) {
            return "截至" + asOf + "，没有处于整改阶段的巡察轮次。";
        }
        long rounds = lines.stream().map(Line::roundCode).distinct().count();
        StringBuilder text = new StringBuilder();
        int inProgress = bulletin.measuresTotal() - bulletin.measuresRectified() - bulletin.measuresBasicallyDone()
            - bulletin.measuresNotDone();
        text.append("截至").append(asOf).append("，整改中的巡察轮次").append(rounds).append("个，整改措施共")
            .append(bulletin.measuresTotal()).append("项：已完成整改").append(bulletin.measuresRectified())
            .append("项，基本完成、持续推进").append(bulletin.measuresBasicallyDone()).append("项，正在推进")
            .append(inProgress).append("项，未完成").append(bulletin.measuresNotDone()).append("项；未办结")
            .append(bulletin.measuresTotal() - bulletin.measuresClosed()).append("项，其中超期")
            .append(bulletin.measuresOverdue()).append("项；整改完成率").append(bulletin.completionRatePercent())
            .append("%。\n");

        List<Line> units = lines.stream().filter(l -> l.scope() == BulletinScope.UNIT).toList();
        text.append("红色（有超期未办结措施）单位：").append(listUnits(units, Light.RED)).append("\n");
        text.append("黄色（").append(escalation.amberDaysBefore()).append("日内到期）单位：")
            .append(listUnits(units, Light.AMBER)).append("\n");
        text.append("绿色单位：").append(units.stream().filter(l -> l.colour() == Light.GREEN).count())
            .append("个。\n");

        List<Line> groups = lines.stream().filter(l -> l.scope() == BulletinScope.KEY_GROUP).toList();
        text.append("重点整改组：红色 ").append(listGroups(groups, Light.RED)).append("；黄色 ")
            .append(listGroups(groups, Light.AMBER)).append("。");
        return text.length() <= MAX_BODY ? text.toString() : text.substring(0, MAX_BODY - 2) + "……";
    }

    private static String listUnits(List<Line> units, Light colour) {
        String listed = units.stream().filter(l -> l.colour() == colour)
            .map(l -> l.scopeName() + "（" + l.roundTitle() + "：未办结" + l.openCount() + "项"
                + (l.overdue() > 0 ? "，超期" + l.overdue() + "项" : "") + "）")
            .collect(Collectors.joining("；"));
        return listed.isEmpty() ? "无。" : listed + "。";
    }

    private static String listGroups(List<Line> groups, Light colour) {
        String listed = groups.stream().filter(l -> l.colour() == colour).map(Line::scopeName).distinct()
            .collect(Collectors.joining("、"));
        return listed.isEmpty() ? "无" : listed;
    }

    /** The counts of one line while the measures are read. */
    private static final class Tally {

        private final String roundCode;
        private final BulletinScope scope;
        private final String code;
        private final String name;
        private final int order;
        private final List<Outcomes.Counted> measures = new java.util.ArrayList<>();

        private Tally(String roundCode, BulletinScope scope, String code, String name, int order) {
            this.roundCode = roundCode;
            this.scope = scope;
            this.code = code;
            this.name = name;
            this.order = order;
        }

        private void add(Outcomes.Counted measure) {
            measures.add(measure);
        }

        private Line line() {
            Outcomes outcomes = Outcomes.of(measures);
            return new Line(roundCode, null, scope, code, name, outcomes.total(), outcomes.closed(), outcomes.open(),
                outcomes.overdue(), outcomes.light());
        }
    }
}
