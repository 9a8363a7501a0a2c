/**
 * What a user may send to the engine and what a deployment may run: the guarded task, form and runtime
 * services (a task accepts only its own form's fields, as transient values), the diagram and expression
 * policies checked before every deployment, and the beans diagrams may call. See docs/security.md.
 */
package org.rectiflow.guard;
