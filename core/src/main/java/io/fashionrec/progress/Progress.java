package io.fashionrec.progress;

/**
 * Reports progress of long work (reading, embedding, writing). The command line shows it as a
 * bar on a terminal's stderr; tests and libraries pass {@link #NONE}.
 *
 * <p>Implementations must be thread-safe: {@link #advance} is called from worker threads.
 */
public interface Progress {

    /** Ignores everything. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void finish() {
        }
    };

    /** A new task of {@code total} units begins (0 if unknown). */
    void start(String task, long total);

    /** {@code done} more units are finished. */
    void advance(long done);

    /** The current task is over. */
    void finish();
}
