package org.qmlff.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The published rMD17 results bundled with qmlff ({@code rmd17_published.csv} next to this class,
 * transcribed from BASELINES.md): MACE, Allegro, NequIP, ACE, GAP and others at N_train = 1000 and
 * N_train = 50, keyed by the molecule names of the rMD17 files.
 *
 * @param results  every row, in file order
 * @param citation the source, from the file's {@code # citation:} comment lines
 */
public record PublishedResults(List<PublishedResult> results, String citation) {
    static final String RESOURCE = "rmd17_published.csv";
    static final String HEADER = "molecule,model,n_train,energy_mae_meV,force_mae_meV_per_A,note";
    /** Comment lines before the header that start with this hold the citation. */
    static final String CITATION = "citation:";

    public PublishedResults {
        results = List.copyOf(results);
    }

    /** The bundled table. */
    public static PublishedResults bundled() {
        try (InputStream in = PublishedResults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " missing from the qmlff jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the CSV format of the bundled file: {@code #} comment lines (those starting
     * {@code # citation:} form the citation), then {@link #HEADER}, then one row per result.
     */
    static PublishedResults parse(String text, String label) {
        List<PublishedResult> rows = new ArrayList<>();
        StringBuilder citation = new StringBuilder();
        boolean header = false;
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                if (line.startsWith("#")) {
                    String c = line.substring(1).trim();
                    if (!header && c.startsWith(CITATION))
                        citation.append(citation.isEmpty() ? "" : " ").append(c.substring(CITATION.length()).trim());
                    continue;
                }
                if (!header) {
                    if (!line.trim().equals(HEADER))
                        throw new IllegalArgumentException(label + ": line " + lineNo + ": expected header " + HEADER);
                    header = true;
                    continue;
                }
                String[] c = line.split(",", -1);
                if (c.length != 6)
                    throw new IllegalArgumentException(label + ": line " + lineNo + ": expected 6 fields, got " + c.length);
                try {
                    rows.add(new PublishedResult(c[0].trim(), c[1].trim(), Integer.parseInt(c[2].trim()),
                            new ErrorPair(number(c[3]), number(c[4])), c[5].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(label + ": line " + lineNo + ": not a number: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PublishedResults(rows, citation.toString());
    }

    private static double number(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
    }

    /**
     * The results for a molecule, given as a key ({@code ethanol}), a display name ({@code salicylic acid})
     * or an rMD17 dataset name ({@code rmd17_ethanol_train_01}).
     */
    public List<PublishedResult> forMolecule(String molecule) {
        String key = key(molecule);
        return results.stream().filter(p -> p.molecule().equals(key)).toList();
    }

    /** The results for a molecule at one published training-set size. */
    public List<PublishedResult> forMolecule(String molecule, int nTrain) {
        return forMolecule(molecule).stream().filter(p -> p.nTrain() == nTrain).toList();
    }

    /** The molecule keys present. */
    public List<String> molecules() {
        return results.stream().map(PublishedResult::molecule).distinct().toList();
    }

    /** The key of a molecule name: lower case, {@code rmd17_} prefix, split suffix and " acid" removed. */
    public static String key(String molecule) {
        String s = molecule.trim().toLowerCase(Locale.ROOT);
        s = s.replaceFirst("^rmd17_", "").replaceFirst("_(train|test)(_\\d+)?$", "");
        s = s.replaceFirst("[ _]acid$", "");
        return s;
    }
}
