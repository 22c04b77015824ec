package io.fashionrec.catalog;

import java.nio.file.Path;

/**
 * One physical line of a catalog file, decoded, without its line terminator.
 *
 * @param number           the 1-based line number in the file
 * @param text             the decoded text (UTF-8, or Windows-1252 if the bytes were not UTF-8)
 * @param encodingProblem  null when the line was valid UTF-8; otherwise the sentence to report as
 *                         {@link ProblemKind#INVALID_ENCODING}
 */
record PhysicalLine(long number, String text, String encodingProblem) {

    /** Reports this line's encoding problem, if it has one, as concerning {@code productId}. */
    void reportEncoding(ProblemReport problems, Path file, String productId) {
        if (encodingProblem != null) {
            problems.add(ProblemKind.INVALID_ENCODING, new SourceLocation(file, number), productId, encodingProblem);
        }
    }
}
