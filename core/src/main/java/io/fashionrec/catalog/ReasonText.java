package io.fashionrec.catalog;

/** Helps quote values from a catalog inside problem reasons. */
final class ReasonText {

    private ReasonText() {
    }

    /**
     * {@code text} with each control character written as a Java-style escape (backslash, {@code u},
     * four hex digits), so that a reason quoting a value from the file stays on one line.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
