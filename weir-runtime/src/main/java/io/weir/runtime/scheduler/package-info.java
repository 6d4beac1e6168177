/**
 * Deployment and scheduling: wires channels, gates and writers between subtasks and creates the tasks.
 * STREAMING deploys every task at once.
 */
package io.weir.runtime.scheduler;
