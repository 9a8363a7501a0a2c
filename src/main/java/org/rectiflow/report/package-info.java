/**
 * What the office reads: the public progress report (Word and HTML), the round summary, the dashboard and the
 * ledger workbook, read through one read model.
 */
package org.rectiflow.report;
