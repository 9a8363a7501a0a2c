package org.rectiflow.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.measure.Measure.ManagedBy;

/** The measure's rules and transitions, without Spring, engine or database. */
class MeasureTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);

    private static Measure measure(MeasureKind kind, MeasureStatus status) {
        return measure(kind, status, ManagedBy.SUPERVISION, null);
    }

    private static Measure measure(MeasureKind kind, MeasureStatus status, ManagedBy managedBy,
                                   String processInstanceId) {
        return new Measure("XC2026-01-03-02", "XC2026-01", 7, 3, "问题", "KG1", "lead", 2, "措施", "siming",
            "思明分局", "leader", "领导", DEADLINE, kind, status, null, null, null, 0, managedBy, processInstanceId,
            Measure.outcomeOf(status), null, null);
    }

    private static Measure measure(MeasureStatus status) {
        return measure(MeasureKind.LONG_TERM, status);
    }

    // --- closed and open ---

    @Test
    void signedOffAndHandedOverAreClosedEverythingElseIsOpen() {
        assertThat(MeasureStatus.CLOSED).containsExactlyInAnyOrder(MeasureStatus.SIGNED_OFF,
            MeasureStatus.NORMAL_MANAGEMENT);
        assertThat(MeasureStatus.OPEN).containsExactlyInAnyOrder(MeasureStatus.REGISTERED,
            MeasureStatus.IN_PROGRESS, MeasureStatus.REPORTED, MeasureStatus.REVIEWED, MeasureStatus.REWORK);
        for (MeasureStatus status : MeasureStatus.values()) {
            assertThat(status.isOpen()).as(status.name()).isNotEqualTo(status.isClosed());
            assertThat(measure(status).isClosed()).as(status.name()).isEqualTo(status.isClosed());
            assertThat(measure(status).isOpen()).as(status.name()).isEqualTo(status.isOpen());
        }
    }

    @Test
    void theTransitionTableIsTheOneTheDesignDescribes() {
        assertThat(next(MeasureStatus.REGISTERED)).containsExactly(MeasureStatus.IN_PROGRESS);
        assertThat(next(MeasureStatus.IN_PROGRESS)).containsExactly(MeasureStatus.REPORTED);
        assertThat(next(MeasureStatus.REWORK)).containsExactly(MeasureStatus.REPORTED);
        assertThat(next(MeasureStatus.REPORTED)).containsExactlyInAnyOrder(MeasureStatus.REVIEWED,
            MeasureStatus.REWORK, MeasureStatus.SIGNED_OFF, MeasureStatus.NORMAL_MANAGEMENT);
        assertThat(next(MeasureStatus.REVIEWED)).containsExactlyInAnyOrder(MeasureStatus.REWORK,
            MeasureStatus.SIGNED_OFF, MeasureStatus.NORMAL_MANAGEMENT);
        assertThat(next(MeasureStatus.SIGNED_OFF)).containsExactly(MeasureStatus.IN_PROGRESS);
        assertThat(next(MeasureStatus.NORMAL_MANAGEMENT)).containsExactly(MeasureStatus.IN_PROGRESS);
    }

    private static Set<MeasureStatus> next(MeasureStatus from) {
        Set<MeasureStatus> next = EnumSet.noneOf(MeasureStatus.class);
        for (MeasureStatus to : MeasureStatus.values()) {
            if (from.canBecome(to)) {
                next.add(to);
            }
        }
        return next;
    }

    // --- the path of the diagram ---

    @Test
    void aMeasureWalksFromRegisteredToSignedOff() {
        Measure started = measure(MeasureStatus.REGISTERED).start("pi-1");
        assertThat(started.status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(started.processInstanceId()).isEqualTo("pi-1");

        Measure reported = started.report("已制定方案", "印发制度1项", ReportStatus.COMPLETED);
        assertThat(reported.status()).isEqualTo(MeasureStatus.REPORTED);
        assertThat(reported.progress()).isEqualTo("已制定方案");
        assertThat(reported.completionSummary()).isEqualTo("印发制度1项");
        assertThat(reported.reportStatus()).isEqualTo(ReportStatus.COMPLETED);

        Measure reviewed = reported.approveReview();
        assertThat(reviewed.status()).isEqualTo(MeasureStatus.REVIEWED);
        Measure signedOff = reviewed.signOff();
        assertThat(signedOff.status()).isEqualTo(MeasureStatus.SIGNED_OFF);
        assertThat(signedOff.isClosed()).isTrue();
        assertThat(signedOff).usingRecursiveComparison().ignoringFields("status", "outcome").isEqualTo(reviewed);
        assertThat(started.outcome()).isEqualTo(reported.outcome()).isEqualTo(reviewed.outcome())
            .isEqualTo(Outcome.IN_PROGRESS);
        assertThat(signedOff.outcome()).isEqualTo(Outcome.RECTIFIED);
    }

    @Test
    void aLongTermMeasureReportedAsContinuingIsHandedOver() {
        Measure reported = measure(MeasureKind.LONG_TERM, MeasureStatus.IN_PROGRESS)
            .report("制度已建立", "长效机制", ReportStatus.LONG_TERM_CONTINUING);
        Measure handedOver = reported.approveReview().handOver();
        assertThat(handedOver.status()).isEqualTo(MeasureStatus.NORMAL_MANAGEMENT);
        assertThat(handedOver.outcome()).as("accepted as done in substance, continuing")
            .isEqualTo(Outcome.BASICALLY_DONE);
    }

    // --- 未完成 ---

    @Test
    void theUnitReportsAMeasureNotDoneWithItsReasonAndPlannedDateAndKeepsTheWork() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        Measure notDone = measure(MeasureKind.IMMEDIATE, MeasureStatus.IN_PROGRESS)
            .reportNotDone("已完成部分", "涉及多部门协调", LocalDate.of(2026, 11, 30), today);
        assertThat(notDone.status()).as("the work stays with the unit").isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(notDone.outcome()).isEqualTo(Outcome.NOT_DONE);
        assertThat(notDone.notDoneReason()).isEqualTo("涉及多部门协调");
        assertThat(notDone.plannedDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(notDone.deadline()).as("the deadline and its ladder stay").isEqualTo(DEADLINE);
        assertThat(notDone.reportStatus()).isEqualTo(ReportStatus.NOT_DONE);

        Measure reported = notDone.report("全部完成", "已整改", ReportStatus.COMPLETED);
        assertThat(reported.outcome()).as("reported done: in progress until signed off").isEqualTo(Outcome.IN_PROGRESS);
        assertThat(reported.notDoneReason()).isNull();
        assertThat(reported.plannedDate()).isNull();
        assertThat(reported.approveReview().signOff().outcome()).isEqualTo(Outcome.RECTIFIED);
    }

    @Test
    void notDoneRecordedAtTheReportKeepsTheMeasureWhereItIsUntilItMovesOn() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        Measure reported = measure(MeasureKind.IMMEDIATE, MeasureStatus.REPORTED);
        Measure recorded = reported.recordNotDone("需协调", LocalDate.of(2026, 9, 30), today);
        assertThat(recorded.outcome()).isEqualTo(Outcome.NOT_DONE);
        assertThat(recorded.notDoneReason()).isEqualTo("需协调");
        assertThat(recorded.plannedDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(recorded.status()).isEqualTo(MeasureStatus.REPORTED);
        assertThat(recorded.unitCode()).isEqualTo("siming");
        assertThat(recorded.approveReview().outcome()).as("moved on: in progress again").isEqualTo(Outcome.IN_PROGRESS);
        assertThatThrownBy(() -> measure(MeasureStatus.SIGNED_OFF).recordNotDone("需协调", today, today))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("SIGNED_OFF");
        assertThatThrownBy(() -> reported.recordNotDone(" ", today, today))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reported.recordNotDone("需协调", today.minusDays(1), today))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-05-31");
    }

    @Test
    void aNotDoneReportNeedsAReasonAPlannedDateNotPastAndTheWorkInTheUnitsHands() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        Measure open = measure(MeasureKind.IMMEDIATE, MeasureStatus.REWORK);
        assertThat(open.reportNotDone("p", "原因", today, today).outcome()).isEqualTo(Outcome.NOT_DONE);
        assertThatThrownBy(() -> open.reportNotDone("p", " ", today, today))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XC2026-01-03-02");
        assertThatThrownBy(() -> open.reportNotDone("p", "原因", null, today))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> open.reportNotDone("p", "原因", today.minusDays(1), today))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-05-31");
        assertThatThrownBy(() -> measure(MeasureStatus.REPORTED).reportNotDone("p", "原因", today, today))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("REPORTED");
        assertThatThrownBy(() -> open.report("p", null, ReportStatus.NOT_DONE))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReworkOrAReopeningMakesTheMeasureInProgressAgain() {
        assertThat(measure(MeasureStatus.REVIEWED).sendBack().outcome()).isEqualTo(Outcome.IN_PROGRESS);
        Measure reopened = measure(MeasureStatus.NORMAL_MANAGEMENT).reopen(DEADLINE.plusMonths(3));
        assertThat(reopened.outcome()).isEqualTo(Outcome.IN_PROGRESS);
        assertThat(Measure.outcomeOf(MeasureStatus.SIGNED_OFF)).isEqualTo(Outcome.RECTIFIED);
        assertThat(Measure.outcomeOf(MeasureStatus.NORMAL_MANAGEMENT)).isEqualTo(Outcome.BASICALLY_DONE);
        for (MeasureStatus open : MeasureStatus.OPEN) {
            assertThat(Measure.outcomeOf(open)).isEqualTo(Outcome.IN_PROGRESS);
        }
    }

    @Test
    void onlyALongTermMeasureMayBeReportedAsContinuing() {
        Measure immediate = measure(MeasureKind.IMMEDIATE, MeasureStatus.IN_PROGRESS);
        assertThat(immediate.accepts(ReportStatus.COMPLETED)).isTrue();
        assertThat(immediate.accepts(ReportStatus.LONG_TERM_CONTINUING)).isFalse();
        assertThat(measure(MeasureKind.LONG_TERM, MeasureStatus.IN_PROGRESS)
            .accepts(ReportStatus.LONG_TERM_CONTINUING)).isTrue();
        assertThatThrownBy(() -> immediate.report("p", "s", ReportStatus.LONG_TERM_CONTINUING))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XC2026-01-03-02");
    }

    // --- rework ---

    @Test
    void aRejectionAtReviewOrSignOffCountsOneMoreReworkAndSendsTheWorkBack() {
        assertThat(measure(MeasureStatus.REPORTED).nextRework()).isEqualTo(1);
        Measure once = measure(MeasureStatus.REPORTED).sendBack();
        assertThat(once.status()).isEqualTo(MeasureStatus.REWORK);
        assertThat(once.reworkCount()).isEqualTo(1);

        Measure twice = once.report("补充", "补充完成", ReportStatus.COMPLETED).approveReview().sendBack();
        assertThat(twice.status()).isEqualTo(MeasureStatus.REWORK);
        assertThat(twice.reworkCount()).isEqualTo(2).isEqualTo(once.nextRework());
        assertThat(twice.report("再补充", "完成", ReportStatus.COMPLETED).status()).isEqualTo(MeasureStatus.REPORTED);
    }

    @ParameterizedTest
    @EnumSource(value = MeasureStatus.class, names = {"REGISTERED", "IN_PROGRESS", "REWORK", "SIGNED_OFF",
        "NORMAL_MANAGEMENT"})
    void onlyAReportedOrReviewedMeasureCanBeSentBack(MeasureStatus status) {
        assertIllegal(measure(status), Measure::sendBack, status, MeasureStatus.REWORK);
    }

    // --- start ---

    @Test
    void startingIsIdempotentForItsOwnInstanceAndKeepsAnOpenStatus() {
        Measure running = measure(MeasureKind.IMMEDIATE, MeasureStatus.REWORK, ManagedBy.SUPERVISION, "pi-1");
        assertThat(running.start("pi-1").status()).isEqualTo(MeasureStatus.REWORK);
        Measure reopened = measure(MeasureKind.IMMEDIATE, MeasureStatus.IN_PROGRESS, ManagedBy.SUPERVISION, null);
        assertThat(reopened.start("pi-2").status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(reopened.start("pi-2").processInstanceId()).isEqualTo("pi-2");
    }

    @Test
    void aSecondInstanceForAnOpenMeasureIsRefused() {
        Measure running = measure(MeasureKind.IMMEDIATE, MeasureStatus.IN_PROGRESS, ManagedBy.SUPERVISION, "pi-1");
        assertThatThrownBy(() -> running.start("pi-2")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("XC2026-01-03-02").hasMessageContaining("pi-1").hasMessageContaining("pi-2");
    }

    @ParameterizedTest
    @EnumSource(value = MeasureStatus.class, names = {"SIGNED_OFF", "NORMAL_MANAGEMENT"})
    void aClosedMeasureIsNotStartedUntilItIsReopened(MeasureStatus closed) {
        Measure measure = measure(MeasureKind.LONG_TERM, closed, ManagedBy.SUPERVISION, "pi-1");
        assertThatThrownBy(() -> measure.start("pi-2")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("XC2026-01-03-02").hasMessageContaining(closed.name());
        assertThat(measure.reopen(DEADLINE.plusMonths(1)).start("pi-2").status())
            .isEqualTo(MeasureStatus.IN_PROGRESS);
    }

    // --- reopen ---

    @ParameterizedTest
    @EnumSource(value = MeasureStatus.class, names = {"SIGNED_OFF", "NORMAL_MANAGEMENT"})
    void theLookBackReopensAClosedMeasureWithANewDeadlineAndNoInstance(MeasureStatus closed) {
        Measure reopened = measure(MeasureKind.LONG_TERM, closed, ManagedBy.SUPERVISION, "pi-1")
            .reopen(LocalDate.of(2027, 4, 1));
        assertThat(reopened.status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(reopened.deadline()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(reopened.processInstanceId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = MeasureStatus.class, names = {"SIGNED_OFF", "NORMAL_MANAGEMENT"}, mode = EnumSource.Mode.EXCLUDE)
    void anOpenMeasureIsNotReopened(MeasureStatus open) {
        assertIllegal(measure(open), m -> m.reopen(DEADLINE), open, MeasureStatus.IN_PROGRESS);
    }

    // --- illegal transitions name the measure and both statuses ---

    @ParameterizedTest
    @EnumSource(value = MeasureStatus.class, names = {"REGISTERED", "IN_PROGRESS", "REWORK", "SIGNED_OFF",
        "NORMAL_MANAGEMENT"})
    void onlyAReportedOrReviewedMeasureIsSignedOffOrHandedOver(MeasureStatus status) {
        assertIllegal(measure(status), Measure::signOff, status, MeasureStatus.SIGNED_OFF);
        assertIllegal(measure(status), Measure::handOver, status, MeasureStatus.NORMAL_MANAGEMENT);
    }

    @ParameterizedTest
    @EnumSource(value = MeasureStatus.class, names = "REPORTED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAReportedMeasureIsReviewed(MeasureStatus status) {
        assertIllegal(measure(status), Measure::approveReview, status, MeasureStatus.REVIEWED);
    }

    @ParameterizedTest
    @EnumSource(value = MeasureStatus.class, names = {"IN_PROGRESS", "REWORK"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyAMeasureInProgressOrInReworkReports(MeasureStatus status) {
        assertIllegal(measure(status), m -> m.report("p", "s", ReportStatus.COMPLETED), status,
            MeasureStatus.REPORTED);
    }

    private static void assertIllegal(Measure measure, UnaryOperator<Measure> transition, MeasureStatus from,
                                      MeasureStatus to) {
        assertThatThrownBy(() -> transition.apply(measure)).isInstanceOf(IllegalStateException.class)
            .hasMessage("Measure XC2026-01-03-02 cannot go from " + from + " (" + from.label() + ") to " + to + " ("
                + to.label() + ")");
    }

    // --- the sign-off group ---

    @Test
    void theSupervisionGroupSignsOffUntilTheMeasurePassesToNormalManagement() {
        Measure measure = measure(MeasureKind.LONG_TERM, MeasureStatus.IN_PROGRESS);
        assertThat(measure.signOffGroup()).isEqualTo(RoleGroups.SUPERVISION);
        Measure handedOver = measure.toNormalManagement();
        assertThat(handedOver.managedBy()).isEqualTo(ManagedBy.NORMAL_MANAGEMENT);
        assertThat(handedOver.signOffGroup()).isEqualTo(RoleGroups.NORMAL_MANAGEMENT);
        assertThat(handedOver.status()).isEqualTo(MeasureStatus.IN_PROGRESS);
    }

    @Test
    void onlyAnOpenLongTermMeasurePassesToNormalManagement() {
        assertThatThrownBy(() -> measure(MeasureKind.IMMEDIATE, MeasureStatus.IN_PROGRESS).toNormalManagement())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("XC2026-01-03-02");
        assertThatThrownBy(() -> measure(MeasureKind.LONG_TERM, MeasureStatus.SIGNED_OFF).toNormalManagement())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("SIGNED_OFF");
    }

    // --- names shared with the inspection package, which measure does not import ---

    @Test
    void theProblemNamesAgreeWithTheInspectionPackage() {
        assertThat(measure(MeasureStatus.IN_PROGRESS).problemRef())
            .isEqualTo(new RoundRegistration.Codes("XC2026-01", 2, 2).problem(3));
        assertThat(MeasureRepository.PROBLEM_OPEN).isEqualTo(RoundRepository.ProblemStatus.OPEN.name());
        assertThat(MeasureRepository.PROBLEM_CLOSED).isEqualTo(RoundRepository.ProblemStatus.CLOSED.name());
    }
}
