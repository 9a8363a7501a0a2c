/**
 * Engine plumbing, no business rule: one node starts at a time on a shared database, and the variables that
 * copy the ledger get no per-change history rows.
 */
package org.rectiflow.engine;
