/**
 * Synthetic data: {@link io.weir.connectors.datagen.GeneratorSource} turns indices into records, bounded or
 * not, optionally at a fixed rate.
 *
 * <pre>
 *   parallelism 3:   reader 0: 0, 3, 6, ...
 *                    reader 1: 1, 4, 7, ...
 *                    reader 2: 2, 5, 8, ...      each at rate / 3 records per second
 * </pre>
 *
 * <p>Pacing never waits on the task thread: a reader ahead of schedule answers
 * {@link io.weir.api.connector.source.InputStatus#NOTHING_AVAILABLE} and the runtime polls again shortly.
 */
package io.weir.connectors.datagen;
