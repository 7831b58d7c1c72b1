package org.qmlff.analysis;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedResultsTest {
    static final List<String> MOLECULES = List.of("ethanol", "malonaldehyde", "benzene", "uracil", "toluene",
            "salicylic", "naphthalene", "aspirin", "azobenzene", "paracetamol");

    @Test
    void bundledTableHasEveryMoleculeAtBothSizes() {
        PublishedResults p = PublishedResults.bundled();
        assertThat(p.citation()).contains("Batatia").contains("2206.07697");
        assertThat(p.molecules()).containsExactlyInAnyOrderElementsOf(MOLECULES);
        for (String m : MOLECULES) {
            for (String model : List.of("MACE", "NequIP", "ACE")) {
                assertThat(p.forMolecule(m, 50)).as(m + " " + model + " N=50").anyMatch(r -> r.model().equals(model));
                assertThat(p.forMolecule(m, 1000)).as(m + " " + model + " N=1000").anyMatch(r -> r.model().equals(model));
            }
            assertThat(p.forMolecule(m, 1000)).anyMatch(r -> r.model().equals("GAP"));
        }
        PublishedResult mace = p.forMolecule("rmd17_ethanol_train_01", 1000).stream()
                .filter(r -> r.model().equals("MACE")).findFirst().orElseThrow();
        assertThat(mace.errors()).isEqualTo(new ErrorPair(0.4, 2.1));
        PublishedResult gemnet = p.forMolecule("aspirin", 1000).stream()
                .filter(r -> r.model().startsWith("GemNet")).findFirst().orElseThrow();
        assertThat(gemnet.errors().energy()).isNaN();
        assertThat(gemnet.errors().force()).isEqualTo(9.5);
        assertThat(p.forMolecule("Salicylic acid")).isNotEmpty();
        assertThat(PublishedResults.key("rmd17_salicylic_test_01")).isEqualTo("salicylic");
    }

    /** Every number of the bundled CSV against the tables of BASELINES.md (an independent transcription check). */
    @Test
    void bundledTableMatchesBaselinesMd() throws Exception {
        String shared = System.getProperty("qmlff.shared");
        Path md = shared == null ? null : Path.of(shared, "design", "BASELINES.md");
        Assumptions.assumeTrue(md != null && Files.isRegularFile(md),
                "BASELINES.md not found (system property qmlff.shared unset or no design/BASELINES.md): skipped");
        List<String> lines = Files.readAllLines(md);
        List<String[]> expected = new ArrayList<>(); // molecule, model, n, energy, force
        int n = 0;
        String[] header = null;
        for (String line : lines) {
            if (line.startsWith("## N_train = 1000")) n = 1000;
            else if (line.startsWith("## Small training set, N_train = 50")) n = 50;
            else if (line.startsWith("## ")) n = 0;
            if (n == 0 || !line.startsWith("|")) continue;
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
            for (int i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
            if (cells[0].equals("molecule")) {
                header = cells;
                continue;
            }
            if (cells[0].startsWith("---")) continue;
            for (int c = 1; c < cells.length; c++) {
                if (cells[c].equals("–")) continue;
                String[] ef = cells[c].split("/");
                String model = header[c].replace("*", "").replace(" (F only)", "").replace(" (SOAP)", "").trim();
                expected.add(new String[]{PublishedResults.key(cells[0]), model, Integer.toString(n), ef[0].trim(),
                        ef[1].trim()});
            }
        }
        PublishedResults p = PublishedResults.bundled();
        assertThat(expected).hasSize(p.results().size());
        for (String[] e : expected) {
            PublishedResult r = p.forMolecule(e[0], Integer.parseInt(e[2])).stream()
                    .filter(x -> x.model().equals(e[1])).findFirst()
                    .orElseThrow(() -> new AssertionError("missing " + String.join(" ", e)));
            assertThat(Double.isNaN(r.errors().energy()) ? "–" : Double.toString(r.errors().energy()))
                    .as(String.join(" ", e)).isEqualTo(e[3].equals("–") ? "–" : Double.toString(Double.parseDouble(e[3])));
            assertThat(r.errors().force()).as(String.join(" ", e)).isEqualTo(Double.parseDouble(e[4]));
        }
    }

    @Test
    void malformedFilesAreOneLineErrors() {
        assertThatThrownBy(() -> PublishedResults.parse("# c\nwrong,header\n", "x.csv"))
                .hasMessageContaining("x.csv: line 2: expected header");
        assertThatThrownBy(() -> PublishedResults.parse(PublishedResults.HEADER + "\nethanol,MACE,1000,abc,2.1,\n", "x.csv"))
                .hasMessageContaining("x.csv: line 2: not a number");
        assertThatThrownBy(() -> PublishedResults.parse(PublishedResults.HEADER + "\nethanol,MACE\n", "x.csv"))
                .hasMessageContaining("expected 6 fields");
        assertThat(PublishedResults.parse(PublishedResults.HEADER + "\n", "x").results()).isEmpty();
    }
}
