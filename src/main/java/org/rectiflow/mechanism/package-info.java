/**
 * Mechanisms (制度机制): the rules, systems and mechanisms a unit built or revised in a round, each a record of the
 * ledger with the measures it answers. A unit records them with its report of a measure (measure/, through
 * {@link org.rectiflow.mechanism.MechanismService#recordWithReport}) or the office and the units import them
 * (inspection/MechanismImportController); the summary, the dashboard, the ledger workbook and the public report
 * count them. Depends on no feature but identity and common, so that the measure's report can record them.
 */
package org.rectiflow.mechanism;
