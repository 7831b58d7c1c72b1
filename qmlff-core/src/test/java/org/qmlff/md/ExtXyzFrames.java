package org.qmlff.md;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict reader of the trajectory format of {@link TrajectoryWriter}, for tests. */
final class ExtXyzFrames {
    static final String PROPERTIES = "species:S:1:pos:R:3:forces:R:3:velocities:R:3";
    private static final Pattern KEY_VALUE = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    record Frame(Map<String, String> info, String[] symbols, double[] positions, double[] forces, double[] velocities) {
        double energy() {
            return Double.parseDouble(info.get("energy"));
        }

        double time() {
            return Double.parseDouble(info.get("time"));
        }
    }

    private ExtXyzFrames() {
    }

    /** All frames; throws AssertionError describing the first defect. */
    static List<Frame> read(Path file) throws IOException {
        String text = Files.readString(file);
        if (!text.isEmpty() && !text.endsWith("\n")) throw new AssertionError(file + ": does not end with a newline");
        String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
        List<Frame> frames = new ArrayList<>();
        int i = 0;
        int last = lines.length - 1; // the empty string after the final newline
        while (i < last) {
            int n;
            try {
                n = Integer.parseInt(lines[i].trim());
            } catch (NumberFormatException e) {
                throw new AssertionError(file + ": line " + (i + 1) + " should be an atom count: " + lines[i]);
            }
            if (i + n + 1 >= last) throw new AssertionError(file + ": frame at line " + (i + 1) + " is truncated");
            Map<String, String> info = new LinkedHashMap<>();
            Matcher m = KEY_VALUE.matcher(lines[i + 1]);
            while (m.find()) info.put(m.group(1), m.group(2));
            if (!PROPERTIES.equals(info.get("Properties")))
                throw new AssertionError(file + ": line " + (i + 2) + ": Properties " + info.get("Properties"));
            if (!"\"F F F\"".equals(info.get("pbc"))) throw new AssertionError(file + ": line " + (i + 2) + ": pbc");
            if (!info.containsKey("energy") || !info.containsKey("time"))
                throw new AssertionError(file + ": line " + (i + 2) + ": energy or time missing");
            String[] sym = new String[n];
            double[] p = new double[3 * n], f = new double[3 * n], v = new double[3 * n];
            for (int a = 0; a < n; a++) {
                String[] t = lines[i + 2 + a].trim().split("\\s+");
                if (t.length != 10) throw new AssertionError(file + ": line " + (i + 3 + a) + " has " + t.length + " fields");
                sym[a] = t[0];
                for (int k = 0; k < 3; k++) {
                    p[3 * a + k] = Double.parseDouble(t[1 + k]);
                    f[3 * a + k] = Double.parseDouble(t[4 + k]);
                    v[3 * a + k] = Double.parseDouble(t[7 + k]);
                }
            }
            frames.add(new Frame(info, sym, p, f, v));
            i += n + 2;
        }
        return frames;
    }
}
