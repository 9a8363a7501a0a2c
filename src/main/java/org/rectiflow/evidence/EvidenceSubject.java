package org.rectiflow.evidence;

/**
 * What an evidence file belongs to: a measure's report (单位整改并报告), a unit's plan in a round (制定本单位整改方案), a
 * clue's preliminary verification (初步核实), a look-back check of a measure (核查整改成效) or a mechanism's documents
 * (制度文件). {@link EvidenceService} holds each one's rules: who uploads and when, who reads, when drafts are bound.
 */
public sealed interface EvidenceSubject {

    /** The kinds ({@link #kind()}, {@link EvidenceFile#subject()}). */
    String MEASURE_REPORT = "MEASURE_REPORT";
    String UNIT_PLAN = "UNIT_PLAN";
    String CLUE = "CLUE";
    String LOOK_BACK = "LOOK_BACK";
    String MECHANISM = "MECHANISM";

    /** The ledger's {@code evidence_file.subject_kind}. */
    String kind();

    /**
     * The subject in words, for refusals: 「措施R-01-01」「巡察XC2020XMGA中本单位的整改方案」; no unit code (only the unit
     * itself uploads to or is refused on its plan, EvidenceService names the unit by its name where it must).
     */
    String label();

    /** A measure's report: its files are bound by the report's recording step (measure/MeasureService). */
    record MeasureReport(String measureCode) implements EvidenceSubject {
        public String kind() {
            return MEASURE_REPORT;
        }

        public String label() {
            return "措施" + measureCode;
        }
    }

    /** A unit's implementation plan in a round: bound to the plan's submission when it is recorded. */
    record UnitPlan(String roundCode, String unitCode) implements EvidenceSubject {
        public String kind() {
            return UNIT_PLAN;
        }

        public String label() {
            return "巡察" + roundCode + "中本单位的整改方案";
        }
    }

    /** A clue's preliminary verification: bound when the verification is recorded. */
    record ClueVerification(String clueCode) implements EvidenceSubject {
        public String kind() {
            return CLUE;
        }

        public String label() {
            return "线索" + clueCode + "的初步核实";
        }
    }

    /** A look-back check of a sampled measure ({@code look_back.id}): bound when the check is recorded. */
    record LookBack(long id) implements EvidenceSubject {
        public String kind() {
            return LOOK_BACK;
        }

        public String label() {
            return "回头看核查" + id;
        }
    }

    /** A mechanism's documents ({@code mechanism.id}): recorded as they are uploaded. */
    record Mechanism(long id) implements EvidenceSubject {
        public String kind() {
            return MECHANISM;
        }

        public String label() {
            return "制度机制" + id;
        }
    }
}
