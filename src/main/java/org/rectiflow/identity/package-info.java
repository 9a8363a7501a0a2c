/**
 * The organisation (units, key groups, people and their groups) loaded into the engine's identity service,
 * the role groups, the engine authorizations and Tasklist filters each role gets, and the password rules.
 */
package org.rectiflow.identity;
