package org.qmlff.experiment;

import org.qmlff.data.Dataset;
import org.qmlff.data.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Short molecule labels for reports, and matching test files to training files. */
public final class Molecules {
    private Molecules() {
    }

    /** {@code rmd17_ethanol_train_01} → {@code ethanol}; other names are kept as they are. */
    public static String label(String datasetName) {
        String s = datasetName.replaceFirst("^rmd17_", "");
        s = s.replaceFirst("_(train|test)(_\\d+)?$", "");
        return s.isEmpty() ? datasetName : s;
    }

    /** Labels of the datasets, made unique by appending {@code #2}, {@code #3}, ... to repeats. */
    public static List<String> uniqueLabels(List<Dataset> sets) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Dataset d : sets) {
            String l = label(d.name());
            int n = seen.merge(l, 1, Integer::sum);
            out.add(n == 1 ? l : l + "#" + n);
        }
        return out;
    }

    /**
     * For each test set, the index of the training set of the same molecule, or −1 (a molecule never
     * trained on). Same molecule means the same atomic numbers in the same order, else the same
     * formula; among several candidates the one at the test set's own position wins, else the first.
     */
    public static int[] match(List<Dataset> training, List<Dataset> tests) {
        int[] out = new int[tests.size()];
        for (int j = 0; j < tests.size(); j++) {
            Dataset t = tests.get(j);
            out[j] = pick(j, training, d -> Arrays.equals(d.numbers(), t.numbers()));
            if (out[j] < 0) {
                String f = Element.hillFormula(t.numbers());
                out[j] = pick(j, training, d -> Element.hillFormula(d.numbers()).equals(f));
            }
        }
        return out;
    }

    private static int pick(int position, List<Dataset> training, java.util.function.Predicate<Dataset> same) {
        if (position < training.size() && same.test(training.get(position))) return position;
        for (int i = 0; i < training.size(); i++) if (same.test(training.get(i))) return i;
        return -1;
    }
}
