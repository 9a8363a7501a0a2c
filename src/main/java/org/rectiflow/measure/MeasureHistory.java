package org.rectiflow.measure;

import java.util.Set;

import org.rectiflow.ledger.LedgerCopies;
import org.rectiflow.measure.MeasureExecutionProcess.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The measure's variables that copy the ledger (its codes, groups, deadline, the texts the forms show, its
 * rework count, whether an escalation step wrote a notice): no variable-update details in history for them.
 * What the unit and the reviewers enter keeps its details.
 */
@Configuration(proxyBeanMethods = false)
class MeasureHistory {

    @Bean
    LedgerCopies measureLedgerCopies() {
        return new LedgerCopies(MeasureExecutionProcess.KEY, Set.of(
            Variables.MEASURE_CODE, Variables.ROUND_CODE, Variables.UNIT_GROUP, Variables.LEAD_UNIT_GROUP,
            Variables.DEADLINE, Variables.DEADLINE_TEXT, Variables.PROBLEM_TITLE,
            Variables.MEASURE_CONTENT, Variables.UNIT_NAME, Variables.LEADER_NAME, Variables.KIND_TEXT,
            Variables.REWORK_COUNT, Variables.ESCALATION_RECORDED, Variables.REPORTED_STATUS, Variables.REPORT_STATUS_TEXT,
            Variables.REPORTED_PROGRESS, Variables.REPORTED_SUMMARY, Variables.REPORTED_EVIDENCE));
    }
}
