package io.fashionrec.catalog;

import java.util.List;

/**
 * One CSV record: its fields, unquoted but not trimmed, and the physical lines it was read from.
 *
 * @param line   the line number the record starts at
 * @param fields the fields in order (at least one)
 * @param lines  the physical lines it spans, first to last
 */
record CsvRecord(long line, List<String> fields, List<PhysicalLine> lines) {
}
