package io.fashionrec.cli;

/** The command's exit codes (a contract: scripts rely on them). */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    /**
     * {@code index} started for a small build only ({@link IndexCommand#SMALL_BUILD_PROPERTY}) met a
     * larger one and stopped before writing anything: run it again without that setting. 75 is
     * sysexits' EX_TEMPFAIL, "try again".
     */
    static final int RERUN = 75;

    private ExitCodes() {
    }
}
