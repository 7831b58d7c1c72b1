package org.qmlff.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes multi-frame extended XYZ files as ASE writes them:
 * <pre>
 * 9
 * Properties=species:S:1:pos:R:3:forces:R:3 energy=-97079.92222178938 pbc="F F F"
 * C -0.17406277 -0.48797864 0.0185579 -17.64730699309182 -26.137516505005973 40.70575377161765
 * ...
 * </pre>
 *
 * <h2>Units</h2>
 * The format carries no units. qmlff reads and writes energies in <b>kcal/mol</b>, positions in
 * <b>Å</b> and forces in <b>kcal/mol/Å</b> unless told otherwise ({@link UnitSystem}); that is
 * rMD17's convention and the one of the extended XYZ files in its ecosystem. ASE, however, takes
 * extxyz energies to be <b>eV</b> and forces <b>eV/Å</b> (it never converts, it just assumes): pass
 * {@link UnitSystem#EV_ANGSTROM} to exchange files with code that relies on ASE's convention.
 *
 * <h2>What is accepted</h2>
 * <ul>
 *   <li>the comment line as whitespace-separated {@code key=value} pairs, values optionally in
 *       double quotes (with backslash escapes) or brackets, bare keys allowed;</li>
 *   <li>{@code Properties} in any order, with extra columns (e.g. {@code velocities:R:3},
 *       {@code momenta:R:3}) skipped; species as {@code species:S:1} or {@code Z:I:1}; forces as
 *       {@code forces} or {@code force}; without {@code Properties} ASE's default
 *       {@code species:S:1:pos:R:3} (which then lacks forces);</li>
 *   <li>the energy under the key {@code energy} in any capitalisation ({@code Energy=}, ...);</li>
 *   <li>{@code Lattice} (ignored) and {@code pbc} as long as it is all false: a data set is one
 *       isolated molecule, so periodic frames are rejected.</li>
 * </ul>
 * Every frame must have the same atoms in the same order. Problems are one-line
 * {@link DataFormatException}s with the file and line number.
 *
 * <p>The writer prints every double in a form that parses back to the identical double (shortest
 * round-trip representation where Java's {@link Double#toString} gives one, else 17 significant
 * digits), so write-then-read in kcal/mol, Å is bit-exact.
 */
public final class ExtXyz {
    private ExtXyz() {
    }

    /** Reads {@code path} with energies in kcal/mol, positions in Å and forces in kcal/mol/Å. */
    public static Dataset read(Path path) throws IOException {
        return read(path, UnitSystem.KCAL_MOL_ANGSTROM);
    }

    /**
     * Reads {@code path}, whose numbers are in {@code units}, converting to qmlff's kcal/mol, Å,
     * kcal/mol/Å. The data set is named after the file without its extension.
     */
    public static Dataset read(Path path, UnitSystem units) throws IOException {
        return read(path, units, true);
    }

    /**
     * Reads {@code path} like {@link #read(Path, UnitSystem)}; with {@code labelsRequired} false a
     * frame without an energy or without forces is accepted (a geometry to predict on or start MD
     * from) and its missing labels are {@link Dataset#UNLABELLED}.
     */
    public static Dataset read(Path path, UnitSystem units, boolean labelsRequired) throws IOException {
        DataFiles.requireNonEmptyFile(path);
        String file = path.toString();
        String name = Rmd17.stripExtension(path.getFileName().toString());
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Reader reader = new Reader(file, name, r, units, labelsRequired);
            try {
                return reader.read();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new DataFormatException(file + ": line " + (reader.line + 1) + ": not UTF-8 text (a binary or corrupt file?)");
            }
        }
    }

    /** Writes {@code d} to {@code path} atomically, in kcal/mol, Å and kcal/mol/Å. */
    public static void write(Path path, Dataset d) throws IOException {
        write(path, d, UnitSystem.KCAL_MOL_ANGSTROM);
    }

    /** Writes {@code d} to {@code path} atomically, converting to {@code units}. */
    public static void write(Path path, Dataset d, UnitSystem units) throws IOException {
        DataValidation.validate(d.name(), d, DataValidation.arrays("numbers", "positions", "energies", "forces"));
        AtomicFiles.write(path, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(w, d, units);
            w.flush();
        });
    }

    /** Writes {@code d} to {@code out} in {@code units} (no validation; see {@link #write(Path, Dataset, UnitSystem)}). */
    public static void write(Appendable out, Dataset d, UnitSystem units) throws IOException {
        int na = d.atoms();
        String[] symbols = Element.symbols(d.numbers()).toArray(new String[0]);
        double[] x = d.positions();
        double[] f = d.forces();
        StringBuilder sb = new StringBuilder(128 * (na + 2));
        for (int fr = 0; fr < d.frames(); fr++) {
            sb.setLength(0);
            sb.append(na).append('\n');
            sb.append("Properties=species:S:1:pos:R:3:forces:R:3 energy=")
                    .append(format(units.energyFromInternal(d.energies()[fr]))).append(" pbc=\"F F F\"\n");
            for (int a = 0; a < na; a++) {
                int o = (fr * na + a) * 3;
                sb.append(symbols[a]);
                for (int k = 0; k < 3; k++) sb.append(' ').append(format(units.lengthFromInternal(x[o + k])));
                for (int k = 0; k < 3; k++) sb.append(' ').append(format(units.forceFromInternal(f[o + k])));
                sb.append('\n');
            }
            out.append(sb);
        }
    }

    /** A decimal string that parses back to exactly {@code v}. */
    static String format(double v) {
        String s = Double.toString(v);
        // Java 17's Double.toString is not always the shortest form; guard its round trip anyway.
        if (Double.doubleToRawLongBits(Double.parseDouble(s)) == Double.doubleToRawLongBits(v)) return s;
        return String.format(Locale.ROOT, "%.17g", v);
    }

    /** One column group of the Properties key, e.g. {@code pos:R:3} starting at column 1. */
    private record Column(String name, char type, int count, int start) {
        String spec() {
            return name + ":" + type + ":" + count;
        }
    }

    /** Parses one file; not reusable. */
    private static final class Reader {
        final String file;
        final String name;
        final BufferedReader in;
        final UnitSystem units;
        int line; // 1-based number of the line last read

        int[] numbers;
        String[] symbols0;
        final List<Integer> frameLines = new ArrayList<>();
        double[] pos = new double[3 * 64];
        double[] frc = new double[3 * 64];
        double[] en = new double[16];
        int frames;

        final boolean labelsRequired;
        boolean unlabelled; // some frame lacked an energy or forces (only when labels are optional)

        Reader(String file, String name, BufferedReader in, UnitSystem units, boolean labelsRequired) {
            this.labelsRequired = labelsRequired;
            this.file = file;
            this.name = name;
            this.in = in;
            this.units = units;
        }

        DataFormatException error(int ln, String what) {
            return new DataFormatException(file + ": line " + ln + ": " + what);
        }

        String next() throws IOException {
            String s = in.readLine();
            if (s != null) line++;
            return s;
        }

        Dataset read() throws IOException {
            String s;
            while ((s = next()) != null) {
                if (s.isBlank()) continue; // tolerate blank lines between frames and at the end
                readFrame(s);
            }
            if (frames == 0) throw new DataFormatException(file + ": no frames (the file holds only blank lines)");
            int na = numbers.length;
            Dataset d = new Dataset(name, numbers, Arrays.copyOf(pos, frames * na * 3), Arrays.copyOf(en, frames),
                    Arrays.copyOf(frc, frames * na * 3));
            DataValidation.validate(file, d, new LineLocator(frameLines), !unlabelled);
            return d;
        }

        void readFrame(String countLine) throws IOException {
            int countLn = line;
            int n;
            try {
                n = Integer.parseInt(countLine.strip());
            } catch (NumberFormatException e) {
                throw error(countLn, "expected the number of atoms of frame " + frames + ", found '"
                        + Rmd17.abbreviate(countLine.strip()) + "'");
            }
            if (n <= 0) throw error(countLn, "frame " + frames + " declares " + n + " atoms");
            String comment = next();
            if (comment == null) throw error(countLn, "the file ends after the atom count of frame " + frames + " (no comment line)");
            int commentLn = line;
            Map<String, KeyValue> kv = parseComment(comment, commentLn);

            KeyValue pbc = kv.get("pbc");
            if (pbc != null && isPeriodic(pbc.value))
                throw error(commentLn, "periodic frame (pbc=\"" + pbc.value + "\"): qmlff data sets hold isolated molecules");
            KeyValue props = kv.get("properties");
            List<Column> cols = parseProperties(props == null ? "species:S:1:pos:R:3" : props.value, commentLn);
            int width = 0;
            for (Column c : cols) width = Math.max(width, c.start + c.count);
            Column species = find(cols, "species");
            Column zcol = find(cols, "z");
            Column p = find(cols, "pos");
            if (p == null) p = find(cols, "positions");
            Column fcol = find(cols, "forces");
            if (fcol == null) fcol = find(cols, "force");
            if (species == null && zcol == null)
                throw error(commentLn, "no species column (expected species:S:1 or Z:I:1 in Properties)");
            if (species != null) requireType(species, 'S', 1, commentLn);
            else requireType(zcol, 'I', 1, commentLn);
            if (p == null) throw error(commentLn, "no positions (expected pos:R:3 in Properties)");
            requireType(p, 'R', 3, commentLn);
            if (fcol == null && !labelsRequired) unlabelled = true;
            else if (fcol == null)
                throw error(commentLn, "no forces (expected forces:R:3 in Properties=" + (props == null ? "<missing>" : props.value) + ")");
            if (fcol != null) requireType(fcol, 'R', 3, commentLn);
            KeyValue ek = kv.get("energy");
            if (ek == null && labelsRequired) throw error(commentLn, "no energy (expected energy=<value> in the comment line)");
            if (ek == null) unlabelled = true;
            double energy = ek == null ? Dataset.UNLABELLED : number(ek.value, commentLn, "energy");

            if (numbers == null) {
                numbers = new int[n];
                symbols0 = new String[n];
            } else if (n != numbers.length) {
                throw error(countLn, "frame " + frames + " has " + n + " atoms but frame 0 has " + numbers.length
                        + " (all frames must be the same molecule)");
            }
            int na = n;
            ensureCapacity(frames + 1, na);
            en[frames] = units.energyToInternal(energy);
            String[] tok = new String[width + 1];
            for (int a = 0; a < na; a++) {
                String s = next();
                if (s == null)
                    throw error(countLn, "frame " + frames + " declares " + na + " atoms but the file ends after " + a
                            + (a == 1 ? " atom line" : " atom lines") + " (too few atom lines)");
                int got = split(s, tok);
                if (got != width) {
                    StringBuilder spec = new StringBuilder();
                    for (Column c : cols) spec.append(spec.length() == 0 ? "" : ":").append(c.spec());
                    throw error(line, "expected " + width + " columns (" + spec + "), found " + got);
                }
                String sym;
                int z;
                if (species != null) {
                    sym = tok[species.start];
                    Element e = Element.bySymbol(sym).orElseThrow(() -> error(line,
                            "unknown element symbol '" + Rmd17.abbreviate(tok[species.start]) + "' (qmlff knows H..Ar)"));
                    z = e.number();
                } else {
                    String t = tok[zcol.start];
                    try {
                        z = Integer.parseInt(t);
                    } catch (NumberFormatException ex) {
                        throw error(line, "column " + (zcol.start + 1) + " (Z): '" + Rmd17.abbreviate(t) + "' is not an atomic number");
                    }
                    if (!Element.isKnown(z)) throw error(line, "unknown element Z=" + z + " (qmlff knows H..Ar, Z=1..18)");
                    sym = Element.of(z).symbol();
                }
                if (frames == 0) {
                    numbers[a] = z;
                    symbols0[a] = sym;
                } else if (numbers[a] != z) {
                    throw error(line, "atom " + a + " of frame " + frames + " is " + sym + " but atom " + a + " of frame 0 is "
                            + symbols0[a] + " (all frames must have the same atoms in the same order)");
                }
                int o = (frames * na + a) * 3;
                for (int k = 0; k < 3; k++) {
                    pos[o + k] = units.lengthToInternal(number(tok[p.start + k], line, p.start + k, p.name));
                    frc[o + k] = fcol == null ? Dataset.UNLABELLED
                            : units.forceToInternal(number(tok[fcol.start + k], line, fcol.start + k, fcol.name));
                }
            }
            frameLines.add(countLn);
            frames++;
        }

        void ensureCapacity(int nFrames, int na) {
            if (en.length < nFrames) en = Arrays.copyOf(en, Math.max(nFrames, 2 * en.length));
            int need = nFrames * na * 3;
            if (pos.length < need) {
                int cap = Math.max(need, 2 * pos.length);
                pos = Arrays.copyOf(pos, cap);
                frc = Arrays.copyOf(frc, cap);
            }
        }

        static Column find(List<Column> cols, String name) {
            for (Column c : cols)
                if (c.name.equalsIgnoreCase(name)) return c;
            return null;
        }

        void requireType(Column c, char type, int count, int ln) {
            if (c.type != type || c.count != count)
                throw error(ln, "property '" + c.name + "' must be " + c.name + ":" + type + ":" + count + ", found " + c.spec());
        }

        List<Column> parseProperties(String spec, int ln) {
            String[] parts = spec.split(":", -1);
            if (parts.length % 3 != 0 || spec.isEmpty())
                throw error(ln, "malformed Properties '" + Rmd17.abbreviate(spec) + "' (expected name:type:columns triples)");
            List<Column> cols = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < parts.length; i += 3) {
                String nm = parts[i];
                String ty = parts[i + 1];
                int cnt;
                try {
                    cnt = Integer.parseInt(parts[i + 2]);
                } catch (NumberFormatException e) {
                    cnt = -1;
                }
                if (nm.isEmpty() || ty.length() != 1 || "SRIL".indexOf(ty.charAt(0)) < 0 || cnt <= 0)
                    throw error(ln, "malformed Properties entry '" + nm + ":" + ty + ":" + parts[i + 2]
                            + "' (expected name:type:columns with type S, R, I or L)");
                if (find(cols, nm) != null) throw error(ln, "property '" + nm + "' appears twice in Properties");
                cols.add(new Column(nm, ty.charAt(0), cnt, start));
                start += cnt;
            }
            return cols;
        }

        /** A value from the comment line, with the key as written. */
        record KeyValue(String key, String value) {
        }

        /** Splits the comment line into key=value pairs; keys are matched case-insensitively. */
        Map<String, KeyValue> parseComment(String s, int ln) {
            Map<String, KeyValue> out = new LinkedHashMap<>();
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= n) break;
                int k0 = i;
                while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) i++;
                String key = s.substring(k0, i);
                int j = i;
                while (j < n && Character.isWhitespace(s.charAt(j))) j++;
                String value;
                if (j < n && s.charAt(j) == '=') {
                    i = j + 1;
                    while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                    if (key.isEmpty()) throw error(ln, "malformed comment line: '=' without a key at character " + (j + 1));
                    if (i >= n) {
                        value = "";
                    } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                        char q = s.charAt(i);
                        StringBuilder v = new StringBuilder();
                        i++;
                        boolean closed = false;
                        while (i < n) {
                            char c = s.charAt(i++);
                            if (c == '\\' && i < n) {
                                v.append(s.charAt(i++));
                            } else if (c == q) {
                                closed = true;
                                break;
                            } else {
                                v.append(c);
                            }
                        }
                        if (!closed) throw error(ln, "malformed comment line: unterminated quote in the value of '" + key + "'");
                        value = v.toString();
                    } else if (s.charAt(i) == '{' || s.charAt(i) == '[') {
                        char open = s.charAt(i);
                        char close = open == '{' ? '}' : ']';
                        int depth = 0;
                        int v0 = i;
                        while (i < n) {
                            char c = s.charAt(i++);
                            if (c == open) depth++;
                            else if (c == close && --depth == 0) break;
                        }
                        if (depth != 0) throw error(ln, "malformed comment line: unbalanced '" + open + "' in the value of '" + key + "'");
                        value = s.substring(v0 + 1, i - 1);
                    } else {
                        int v0 = i;
                        while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
                        value = s.substring(v0, i);
                    }
                } else {
                    value = "T"; // a bare key is a true flag, as in ASE
                }
                String lower = key.toLowerCase(Locale.ROOT);
                KeyValue before = out.putIfAbsent(lower, new KeyValue(key, value));
                if (before != null)
                    throw error(ln, "key '" + key + "' appears twice in the comment line (as '" + before.key + "')");
            }
            return out;
        }

        static boolean isPeriodic(String pbc) {
            for (String t : pbc.trim().split("[\\s,]+"))
                if (t.equalsIgnoreCase("T") || t.equalsIgnoreCase("true")) return true;
            return false;
        }

        double number(String t, int ln, String what) {
            Double v = parseNumber(t);
            if (v == null) throw error(ln, what + ": '" + Rmd17.abbreviate(t) + "' is not a number");
            return v;
        }

        double number(String t, int ln, int column, String property) {
            Double v = parseNumber(t);
            if (v == null)
                throw error(ln, "column " + (column + 1) + " (" + property + "): '" + Rmd17.abbreviate(t) + "' is not a number");
            return v;
        }

        /** Splits on whitespace into {@code tok}; returns the number of fields (may exceed tok's length). */
        static int split(String s, String[] tok) {
            int n = 0;
            int i = 0;
            int len = s.length();
            while (true) {
                while (i < len && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= len) return n;
                int start = i;
                while (i < len && !Character.isWhitespace(s.charAt(i))) i++;
                if (n < tok.length) tok[n] = s.substring(start, i);
                n++;
            }
        }
    }

    /**
     * Parses a decimal number as Python's {@code float()} does for the forms found in xyz files:
     * plain and exponent notation, {@code nan}, {@code inf}, {@code infinity} (any case, signed).
     * Java-only forms (hex, {@code d}/{@code f} suffixes) are rejected.
     *
     * @return the value, or null if {@code t} is not a number
     */
    static Double parseNumber(String t) {
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') return special(t);
        }
        if (!digit) return null;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double special(String t) {
        String s = t.toLowerCase(Locale.ROOT);
        double sign = 1;
        if (s.startsWith("+") || s.startsWith("-")) {
            sign = s.charAt(0) == '-' ? -1 : 1;
            s = s.substring(1);
        }
        if (s.equals("nan")) return Double.NaN;
        if (s.equals("inf") || s.equals("infinity")) return sign * Double.POSITIVE_INFINITY;
        return null;
    }

    /** Locations as line numbers, from the line of each frame's atom count (1-based). */
    private record LineLocator(List<Integer> frameLines) implements DataValidation.Locator {
        @Override
        public String atom(int atom) {
            return "line " + (frameLines.get(0) + 2 + atom);
        }

        @Override
        public String frame(int frame) {
            return "line " + frameLines.get(frame);
        }

        @Override
        public String coordinate(int frame, int atom) {
            return "line " + (frameLines.get(frame) + 2 + atom);
        }

        @Override
        public String energy(int frame) {
            return "line " + (frameLines.get(frame) + 1);
        }

        @Override
        public String force(int frame, int atom) {
            return "line " + (frameLines.get(frame) + 2 + atom);
        }
    }
}
