package io.fashionrec.cli;

/** The command's exit codes (a contract: scripts rely on them). */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
