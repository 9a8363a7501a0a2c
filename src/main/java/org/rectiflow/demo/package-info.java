/**
 * The demo profile's data: the seed's round (the report in {@code ../shared/seeds}) registered and walked
 * through its first steps, so that the Tasklist, Cockpit and the dashboard show real work.
 */
package org.rectiflow.demo;
