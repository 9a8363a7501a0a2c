/**
 * Engine plumbing, no business rule: one node starts at a time on a shared database, the variables that
 * copy the ledger get no per-change history rows, and the engine's tables get the indexes they lack at scale.
 */
package org.rectiflow.engine;
