package io.fashionrec.vectors;

import java.util.Locale;

/** Enum constants as users write them: lower case, parsed ignoring case and surrounding spaces. */
public final class EnumLabels {

    private EnumLabels() {
    }

    /** {@code constant}'s name in lower case. */
    public static String label(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} labelled {@code label}.
     *
     * @param what what the constants are, for the error ("search", "graph policy")
     * @throws IllegalArgumentException naming the label and every valid one, in declaration order
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String label, String what) {
        E[] constants = type.getEnumConstants();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < constants.length; i++) {
            if (label(constants[i]).equalsIgnoreCase(label.strip())) {
                return constants[i];
            }
            expected.append(i == 0 ? "" : i == constants.length - 1 ? " or " : ", ").append(label(constants[i]));
        }
        throw new IllegalArgumentException("unknown " + what + " '" + label + "': expected " + expected);
    }
}
