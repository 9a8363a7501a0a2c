/**
 * Engine plumbing, no business rule: one node starts at a time on a shared database, the variables that
 * copy the ledger get no per-change history rows, the engine's tables get the indexes they lack at scale, its
 * authorization checks take the user's groups as given, and its PostgreSQL connections run without JIT.
 */
package org.rectiflow.engine;
