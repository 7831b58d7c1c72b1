package org.qmlff.md;

/** Locale-independent number text for files and messages. */
final class MdFormat {
    private MdFormat() {
    }

    /**
     * The shortest decimal text that reads back as exactly {@code x} ({@link Double#toString}), so
     * that files keep every bit of the state; whole numbers keep their {@code .0} so that readers
     * that infer types (ASE) see a float.
     */
    static String number(double x) {
        return Double.toString(x);
    }

    /** Like {@link #number} without the {@code .0} of whole numbers, for messages. */
    static String brief(double x) {
        String s = Double.toString(x);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
