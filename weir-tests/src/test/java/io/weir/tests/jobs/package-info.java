/**
 * Jobs that the end-to-end tests run through {@code bin/weir} (packed into a jar by {@code TestJobJar}) and in
 * the test's JVM, to put the file sink into situations the examples never meet.
 */
package io.weir.tests.jobs;
