/**
 * The ledger's shared tables and helpers: the append-only status history and "insert unless the key exists".
 */
package org.rectiflow.ledger;
