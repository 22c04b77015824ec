package io.fashionrec.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Assembles RFC 4180 records from physical lines: fields separated by commas, a field that starts
 * with a double quote runs to the matching closing quote (a doubled quote inside stands for one,
 * and commas and line breaks inside are data). Leniencies, because real files have them: spaces or
 * tabs before an opening quote are ignored, a quote inside an unquoted field is data, and text
 * after a closing quote is appended to the field. Lines that are blank outside a quoted field are
 * skipped without a report: they hold no record.
 *
 * <p>A quoted field that is still open after {@value #MAX_LINES_PER_RECORD} physical lines, or at
 * the end of the file, is an unterminated quote: the reader reports
 * {@link ProblemKind#MALFORMED_RECORD} for the line it opened on, skips that one line and parses on
 * from the next, so that one stray quote cannot swallow the rest of the file. Lines read ahead in
 * that search are replayed, so a file is parsed in time linear in its size.
 *
 * <p>Not thread-safe.
 */
final class CsvRecordReader {

    /** How many physical lines one record may span before an open quote counts as unterminated. */
    static final int MAX_LINES_PER_RECORD = 100;

    private final PhysicalLineReader lines;
    private final Path file;
    private final ProblemReport problems;
    private final Deque<PhysicalLine> replay = new ArrayDeque<>();

    /**
     * @param lines    the file's lines
     * @param file     the file, for problem locations
     * @param problems where unterminated quotes (and the encoding of lines skipped for one) go
     */
    CsvRecordReader(PhysicalLineReader lines, Path file, ProblemReport problems) {
        this.lines = lines;
        this.file = file;
        this.problems = problems;
    }

    /** The next record, or null at the end of the file. */
    CsvRecord next() throws IOException {
        PhysicalLine first;
        while ((first = nextLine()) != null) {
            if (!first.text().isBlank()) {
                CsvRecord record = assemble(first);
                if (record != null) {
                    return record;
                }
            }
        }
        return null;
    }

    private PhysicalLine nextLine() throws IOException {
        return replay.isEmpty() ? lines.next() : replay.pollFirst();
    }

    /** The record starting at {@code first}, or null if its quote never closes. */
    private CsvRecord assemble(PhysicalLine first) throws IOException {
        FieldSplitter splitter = new FieldSplitter();
        List<PhysicalLine> spanned = new ArrayList<>(1);
        spanned.add(first);
        splitter.feed(first.text());
        while (splitter.inQuotes()) {
            PhysicalLine next = spanned.size() < MAX_LINES_PER_RECORD ? nextLine() : null;
            if (next == null) {
                skipUnterminated(first, spanned);
                return null;
            }
            spanned.add(next);
            splitter.lineBreak();
            splitter.feed(next.text());
        }
        return new CsvRecord(first.number(), splitter.finish(), spanned);
    }

    private void skipUnterminated(PhysicalLine first, List<PhysicalLine> spanned) {
        String where = spanned.size() >= MAX_LINES_PER_RECORD
                ? "is still open after " + MAX_LINES_PER_RECORD + " lines"
                : "is never closed before the end of the file";
        problems.add(ProblemKind.MALFORMED_RECORD, new SourceLocation(file, first.number()), null,
                "a quoted field opened on this line " + where + ": skipped this line and read on from the next");
        first.reportEncoding(problems, file, null);
        for (int i = spanned.size() - 1; i >= 1; i--) {
            replay.addFirst(spanned.get(i));
        }
    }

    /** The field-splitting state machine for one record, fed line by line. */
    private static final class FieldSplitter {

        private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE }

        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private State state = State.FIELD_START;

        void feed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (state) {
                    case FIELD_START -> {
                        if (c == '"') {
                            // Whitespace before an opening quote is layout, not data.
                            field.setLength(0);
                            state = State.QUOTED;
                        } else if (c == ',') {
                            endField();
                        } else {
                            field.append(c);
                            if (c != ' ' && c != '\t') {
                                state = State.UNQUOTED;
                            }
                        }
                    }
                    case UNQUOTED, AFTER_QUOTE -> {
                        if (c == ',') {
                            endField();
                        } else {
                            field.append(c);
                        }
                    }
                    case QUOTED -> {
                        if (c != '"') {
                            field.append(c);
                        } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            state = State.AFTER_QUOTE;
                        }
                    }
                }
            }
        }

        boolean inQuotes() {
            return state == State.QUOTED;
        }

        /** A line break inside a quoted field is data; it is kept as one LF whatever the file used. */
        void lineBreak() {
            field.append('\n');
        }

        List<String> finish() {
            endField();
            return fields;
        }

        private void endField() {
            fields.add(field.toString());
            field.setLength(0);
            state = State.FIELD_START;
        }
    }
}
