package org.qmlff.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad value for an option of each command — out of range, not finite, not one of the choices —
 * is a one-line user error (exit code 2) that names the value, never a stack trace: the core's
 * checks of user values throw the input-error type, and a plain precondition failure is a bug.
 * Nothing is written to the output path.
 */
class BadOptionValuesTest {
    private static final String TRAIN = "../data/rmd17/rmd17_ethanol_train_01.npz";
    private static final Pattern JAVA = Pattern.compile("[A-Z][A-Za-z]+(Exception|Error)\\b|\\bjava\\.|\\borg\\.qmlff\\.|\\bat [a-z]+\\.");
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void writeAModel() throws Exception {
        Dataset ethanol = DataFiles.read(Path.of(TRAIN)).first(2);
        model = dir.resolve("model.json");
        Models.write(Models.create(ModelOptions.defaults("revised"), List.of(ethanol), 1), Map.of(), model);
    }

    /** {command..., "|", bad option, bad value, expected fragment}. */
    static Stream<String[]> cases() {
        String m = "@model", out = "@out";
        List<String[]> c = new ArrayList<>();
        String[] train = {"train", "--data", TRAIN, "--n-train", "12", "--n-valid", "2", "--out", out};
        for (String[] bad : new String[][]{{"--epochs", "0", "epochs"}, {"--lr", "-1", "learning rate"},
                {"--lr", "NaN", "learning rate"}, {"--batch", "0", "batch"}, {"--w-energy", "-1", "w-energy"},
                {"--n-valid", "20", "n-valid"}, {"--threads", "0", "threads"}, {"--D", "0", "D"}, {"--rc", "-1", "rc"},
                {"--nq", "0", "nq"}, {"--K", "0", "K"}, {"--species", "1,99", "99"}, {"--observable", "xyz", "xyz"},
                {"--lmax", "9", "lmax"}, {"--channels", "0", "channels"}, {"--threebody", "-2", "threebody"}})
            c.add(join(train, bad));
        String[] md = {"md", "--model", m, "--init", TRAIN, "--steps", "3", "--out", out, "--temperature", "300",
                "--ensemble", "nvt"};
        for (String[] bad : new String[][]{{"--temperature", "-1", "temperature"}, {"--dt", "0", "time step"},
                {"--dt", "Infinity", "time step"}, {"--steps", "-1", "steps"}, {"--friction", "-2", "friction"},
                {"--ensemble", "npt", "npt"}, {"--frame", "5000", "5000"}, {"--stride", "0", "stride"},
                {"--max-distance", "0", "distance"}, {"--max-temperature", "-5", "temperature"}})
            c.add(join(bad[0].equals("--ensemble") ? Arrays.copyOf(md, md.length - 2) : md, bad));
        String[] mdb = {"md-benchmark", "--model", m, "--data", TRAIN, "--runs", "1", "--length", "0.001",
                "--nve-length", "0", "--out", out};
        for (String[] bad : new String[][]{{"--runs", "0", "runs"}, {"--length", "-1", "length"},
                {"--dt", "0", "time step"}, {"--hr-bins", "0", "h(r) grid needs at least one bin"}, {"--hr-max", "-1", "h(r) grid end"},
                {"--bond-factor", "0", "bond"}, {"--bond-threshold", "0", "bond threshold"},
                {"--sample-every", "0", "sampling"}, {"--checkpoint-every", "0", "checkpoint"},
                {"--frames", "99999", "99999"}, {"--temperature", "NaN", "temperature"}, {"--threads", "0", "threads"}})
            c.add(join(mdb, bad));
        c.add(join(new String[]{"evaluate", "--model", m, "--data", TRAIN}, new String[]{"--threads", "0", "threads"}));
        for (String[] bad : new String[][]{{"--shots", "-1", "--shots"}, {"--noise", "depol1", "key=value"},
                {"--noise", "depol1=2", "outside"}, {"--noise", "foo=0.1", "unknown key 'foo'"}, {"--noise", "amp=x", "'x'"},
                {"--noise", "readout=1.5", "readout"}})
            c.add(join(new String[]{"evaluate", "--model", m, "--data", TRAIN}, bad));
        c.add(join(new String[]{"predict", "--model", m, "--data", TRAIN, "--out", "@json"}, new String[]{"--shots", "-2", "--shots"}));
        c.add(join(new String[]{"predict", "--model", m, "--data", TRAIN, "--out", "@json"}, new String[]{"--noise", "deph=-1", "dephasing"}));
        c.add(join(md, new String[]{"--shots", "-5", "--shots"}));
        c.add(join(md, new String[]{"--noise", "ex.depol=9", "depolarizing"}));
        String[] hw = {"hardware", "--model", m, "--data", TRAIN, "--plots", out};
        for (String[] bad : new String[][]{{"--shots", "0", "--shots"}, {"--depolarizing", "2", "--depolarizing"},
                {"--noise-frames", "-1", "--noise-frames"}, {"--resource-frames", "0", "--resource-frames"},
                {"--target", "0", "--target"}, {"--two-qubit-error", "1", "--two-qubit-error"}, {"--frames", "0", "--frames"},
                {"--threads", "0", "threads"}})
            c.add(join(hw, bad));
        c.add(join(new String[]{"predict", "--model", m, "--data", TRAIN, "--out", "@json"}, new String[]{"--threads", "-3", "threads"}));
        String[] sym = {"check-symmetry", "--model", m, "--data", TRAIN};
        c.add(join(sym, new String[]{"--frames", "0", "frames"}));
        c.add(join(sym, new String[]{"--tolerance", "-1", "tolerance"}));
        c.add(join(sym, new String[]{"--noise", "amp=2", "amplitude damping"}));
        String[] ipi = {"serve-ipi", "--model", m, "--init", TRAIN, "--port", "31999"};
        c.add(join(ipi, new String[]{"--timeout", "-1", "timeout"}));
        c.add(join(ipi, new String[]{"--frame", "-1", "frame"}));
        String[] lc = {"learning-curve", "--arch", "revised", "--data", TRAIN, "--test", TRAIN, "--sizes", "4",
                "--n-train", "12", "--n-valid", "2", "--epochs", "1", "--out", out};
        c.add(join(lc, new String[]{"--sizes", "0", "sizes"}));
        c.add(join(lc, new String[]{"--seeds", "0", "seeds"}));
        c.add(join(lc, new String[]{"--threads", "0", "threads"}));
        c.add(join(lc, new String[]{"--threads-per-run", "0", "threads"}));
        String[] qasm = {"export-qasm", "--model", m, "--data", TRAIN, "--out", out};
        c.add(join(qasm, new String[]{"--atom", "99", "99"}));
        c.add(join(qasm, new String[]{"--frame", "-1", "frame"}));
        c.add(join(new String[]{"bench", "--quick"}, new String[]{"--threads", "0", "threads"}));
        c.add(join(new String[]{"bench", "--quick"}, new String[]{"--max-qubits", "1", "qubits"}));
        c.add(join(new String[]{"data", "convert", TRAIN, "@file"}, new String[]{"--first", "0", "first"}));
        c.add(join(new String[]{"data", "convert", TRAIN, "@file"}, new String[]{"--in-energy-unit", "kJ", "kJ"}));
        return c.stream();
    }

    private static String[] join(String[] base, String[] bad) {
        String[] a = new String[base.length + 3];
        System.arraycopy(base, 0, a, 0, base.length);
        a[base.length] = bad[0];
        a[base.length + 1] = bad[1];
        a[base.length + 2] = bad[2];
        return a;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("args")
    void isAOneLineUserError(String command, String option, String[] argv, String expected, Path out) {
        CliRun r = CliRun.main(argv);
        assertThat(r.code()).as("%s\n%s", String.join(" ", argv), r.err()).isEqualTo(2);
        String[] lines = r.err().strip().split("\n");
        assertThat(lines.length).as(r.err()).isBetween(1, 2);
        assertThat(lines[0]).startsWith("qmlff: error: ").containsIgnoringCase(expected);
        if (lines.length == 2) assertThat(lines[1]).startsWith("hint: ");
        assertThat(JAVA.matcher(r.err()).find()).as("no Java names in: %s", r.err()).isFalse();
        assertThat(Files.exists(out)).as("nothing written to " + out).isFalse();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> args() {
        int[] k = {0};
        return cases().map(c -> {
            Path out = dir.resolve("out" + k[0]++);
            String[] argv = new String[c.length - 1];
            Path written = out;
            for (int i = 0; i < argv.length; i++) {
                argv[i] = switch (c[i]) {
                    case "@model" -> model.toString();
                    case "@out" -> out.toString();
                    case "@file" -> out + ".npz";
                    case "@json" -> out + ".json";
                    default -> c[i];
                };
                if (c[i].equals("@file") || c[i].equals("@json")) written = Path.of(argv[i]);
            }
            return org.junit.jupiter.params.provider.Arguments.of(c[0], c[c.length - 3] + " " + c[c.length - 2], argv,
                    c[c.length - 1], written);
        });
    }
}
