/**
 * Text files in and out.
 *
 * <p>{@link io.weir.connectors.file.FileSource} reads the lines of a file or directory tree as a bounded
 * source, cutting files into byte-range {@link io.weir.connectors.file.FileSplit}s that readers pull from
 * a shared queue; a pipe, FIFO or device given as the input is one split, read whole and only once.
 * {@link io.weir.connectors.file.FileSink} writes one {@code part-<subtask>-0} file per subtask into hidden
 * files; its {@link io.weir.connectors.file.FileCommitter} publishes all of them by atomic rename only when the
 * whole job succeeded, so failed or cancelled runs leave no partial output. The committer holds an
 * {@link io.weir.connectors.file.OutputDirectoryLock} for the job's run, so two jobs never write one directory
 * at once.
 *
 * <pre>
 *   bytes, 8-byte blocks, '$' is '\n':   aaa$bbbb | bbbbbb$c | c$dddd$
 *   split [0,+8]   reads "aaa", "bbbbbbbbbb"   (finishes its last line past its end)
 *   split [8,+8]   skips past the '$' at 14, reads "cc"   (the line starts at 15, before 16)
 *   split [16,+7]  skips past the '$' at 17, reads "dddd"
 * </pre>
 *
 * <p>Together they round-trip: a sink's hidden in-progress files are skipped by the source.
 */
package io.weir.connectors.file;
