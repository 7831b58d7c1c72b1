package org.qmlff.md.benchmark;

import org.qmlff.data.Units;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qmlff.data.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MD benchmark of one model: its runs and the figures of merit derived from them.
 *
 * <ul>
 *   <li>Stability ({@link #survival()}): time to failure per NVT run; mean of min(T, L) ± standard
 *       error (surviving runs enter at the full length L), the Kaplan–Meier median and restricted mean.</li>
 *   <li>h(r) ({@link #modelHistogram()}, {@link #reference()}): distances of the stable parts of all
 *       NVT runs pooled, against all frames of the reference data; {@link #hrMae()} is the MAE of the
 *       two normalised histograms ({@link DistanceHistogram#mae}), 1/Å.</li>
 *   <li>Energy drift ({@link #meanAbsoluteDrift()}): mean over the NVE runs of |slope of the total
 *       energy| per atom, kcal/mol/atom/ps (runs that stopped early enter with their completed part).</li>
 *   <li>Speed ({@link #stepsPerSecond()}): MD steps per wall-clock second of one thread (Σ steps / Σ wall
 *       time over the NVT and NVE runs, so that models whose NVT runs fail at once are timed too; not
 *       reproducible).</li>
 * </ul>
 */
public record MdBenchmarkResult(String label, String modelId, MdBenchmarkConfig config, int[] numbers, int bonds,
                                List<StabilityOutcome> runs, List<DriftOutcome> drifts, DistanceHistogram reference,
                                int referenceFrames) {
    static final String FORMAT = "qmlff-md-benchmark-result 1";
    /** The format tag of {@code summary.json}. */
    public static final String SUMMARY_FORMAT = "qmlff-md-benchmark-summary 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public MdBenchmarkResult {
        runs = List.copyOf(runs);
        drifts = List.copyOf(drifts);
        numbers = numbers.clone();
    }

    public Survival survival() {
        List<Survival.Observation> obs = new ArrayList<>();
        for (StabilityOutcome o : runs) obs.add(o.observation());
        return new Survival(obs, config.steps() * config.timestep() / 1000.0);
    }

    /** The pooled h(r) counts of the stable parts of all NVT runs. */
    public DistanceHistogram modelHistogram() {
        DistanceHistogram h = new DistanceHistogram(config.grid());
        for (StabilityOutcome o : runs) h.addAll(o.histogram());
        return h;
    }

    /** MAE of the model's and the reference's normalised h(r), 1/Å. */
    public double hrMae() {
        return DistanceHistogram.mae(modelHistogram(), reference);
    }

    /** Mean |drift| over the NVE runs, kcal/mol/atom/ps; NaN without NVE runs. */
    public double meanAbsoluteDrift() {
        double s = 0;
        int k = 0;
        for (DriftOutcome d : drifts)
            if (Double.isFinite(d.drift())) {
                s += Math.abs(d.drift());
                k++;
            }
        return k == 0 ? Double.NaN : s / k;
    }

    public long nveStopped() {
        return drifts.stream().filter(d -> !d.completed()).count();
    }

    public double stepsPerSecond() {
        long steps = 0;
        double wall = 0;
        for (StabilityOutcome o : runs) {
            steps += o.steps();
            wall += o.wallSeconds();
        }
        for (DriftOutcome d : drifts) {
            steps += d.steps();
            wall += d.wallSeconds();
        }
        return wall > 0 ? steps / wall : Double.NaN;
    }

    /** One line for a finished NVT run. */
    static String describe(String label, StabilityOutcome o) {
        return String.format(Locale.ROOT, "%s nvt run %d (frame %d, seed %d): %s", label, o.index(), o.frame(), o.seed(),
                o.failed() ? String.format(Locale.ROOT, "failed at %.4f ps: %s", o.time(), o.reason())
                        : String.format(Locale.ROOT, "stable for the full %.4g ps", o.time()));
    }

    /** One line for a finished NVE run. */
    static String describe(String label, DriftOutcome o) {
        return String.format(Locale.ROOT, "%s nve run %d (frame %d, seed %d): %d steps, drift %.4g kcal/mol/atom/ps%s",
                label, o.index(), o.frame(), o.seed(), o.steps(), o.drift(),
                o.completed() ? "" : " (stopped early: " + o.stopReason() + ")");
    }

    /** Writes {@code result.json} and {@code hr.csv} into {@code dir}, atomically. */
    void write(Path dir) {
        try {
            AtomicFiles.write(dir.resolve("result.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(dir.resolve("hr.csv"), hrCsv());
    }

    /** r (bin centre, Å), model h(r), reference h(r) (1/Å), one row per bin. */
    public String hrCsv() {
        double[] m = modelHistogram().normalised(), r = reference.normalised();
        StringBuilder sb = new StringBuilder("r_angstrom,h_model_per_angstrom,h_reference_per_angstrom\n");
        for (int b = 0; b < m.length; b++)
            sb.append(config.grid().centre(b)).append(',').append(m[b]).append(',').append(r[b]).append('\n');
        return sb.toString();
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", label);
        root.put("model_id", modelId);
        ObjectNode s = root.putObject("settings");
        s.put("temperature_K", config.temperature());
        s.put("timestep_fs", config.timestep());
        s.put("length_ps", survival().length());
        s.put("friction_per_fs", config.friction());
        s.put("bond_rule", "bonded if distance <= " + config.bondFactor()
                + " x (sum of Cordero 2008 covalent radii) in the starting frame");
        s.put("bond_threshold_angstrom", config.bondThreshold());
        s.put("bonds", bonds);
        s.put("nve_length_ps", config.nveSteps() * config.timestep() / 1000.0);
        s.put("hr_sample_every_steps", config.sampleEvery());
        s.put("hr_grid", "[0, " + config.grid().max() + ") Angstrom in " + config.grid().bins() + " bins");
        s.put("max_distance_from_centre_angstrom", config.limits().maxDistanceFromCentre());
        s.put("max_temperature_K", config.limits().maxTemperature());
        Survival sv = survival();
        ObjectNode st = root.putObject("stability");
        st.put("runs", sv.runs());
        st.put("failed", sv.failures());
        st.put("mean_ps", sv.mean());
        st.put("standard_error_ps", sv.standardError());
        st.put("kaplan_meier_median_ps", sv.median()); // NaN (written as "NaN") when more than half survive
        st.put("restricted_mean_ps", sv.restrictedMean());
        st.put("censoring", "runs that survive enter at the full length; mean_ps = mean of min(T, L) = Kaplan-Meier restricted mean up to L");
        ArrayNode rs = st.putArray("per_run");
        for (StabilityOutcome o : runs) {
            ObjectNode r = rs.addObject();
            r.put("run", o.index());
            r.put("frame", o.frame());
            r.put("seed", o.seed());
            r.put("failed", o.failed());
            r.put("time_ps", o.time());
            r.put("steps", o.steps());
            r.put("reason", o.reason());
            r.put("hr_frames", o.histogram().frames());
            r.put("force_evaluations", o.forceEvaluations());
            r.put("wall_s", o.wallSeconds());
        }
        ObjectNode hr = root.putObject("hr");
        hr.put("mae_per_angstrom", hrMae());
        hr.put("integrated_absolute_difference", hrMae() * config.grid().max());
        hr.put("normalisation", "h_b = count_b / (pairs x bin width); MAE = mean over bins of |h_model - h_reference|");
        hr.put("model_frames", modelHistogram().frames());
        hr.put("reference_frames", referenceFrames);
        ObjectNode nve = root.putObject("nve");
        nve.put("mean_abs_drift_kcal_mol_atom_ps", meanAbsoluteDrift());
        nve.put("mean_abs_drift_meV_atom_ps", meanAbsoluteDrift() * Units.MEV_PER_KCAL_MOL);
        nve.put("stopped_early", nveStopped());
        ArrayNode ds = nve.putArray("per_run");
        for (DriftOutcome d : drifts) {
            ObjectNode r = ds.addObject();
            r.put("run", d.index());
            r.put("frame", d.frame());
            r.put("seed", d.seed());
            r.put("steps", d.steps());
            r.put("drift_kcal_mol_atom_ps", d.drift());
            r.put("stop_reason", d.stopReason());
        }
        root.put("steps_per_second_per_thread", stepsPerSecond());
        return root;
    }

    // ---- the summary table over models -------------------------------------------------------------

    /** Column headers of {@link #summaryRow()}. */
    public static List<String> summaryHeader() {
        return List.of("model", "runs failed", "stability mean ± SE (ps)", "KM median (ps)", "h(r) MAE (1/Å)",
                "NVE drift (meV/atom/ps)", "steps/s");
    }

    /** This model's row of the summary table. */
    public List<String> summaryRow() {
        Survival sv = survival();
        String median = Double.isNaN(sv.median()) ? "> " + fmt(sv.length()) : fmt(sv.median());
        String drift = Double.isNaN(meanAbsoluteDrift()) ? "–" : String.format(Locale.ROOT, "%.3g", meanAbsoluteDrift() * Units.MEV_PER_KCAL_MOL)
                + (nveStopped() > 0 ? " (" + nveStopped() + " of " + drifts.size() + " stopped)" : "");
        return List.of(label, sv.failures() + " of " + sv.runs(),
                fmt(sv.mean()) + " ± " + (Double.isNaN(sv.standardError()) ? "–" : fmt(sv.standardError())), median,
                String.format(Locale.ROOT, "%.4f", hrMae()), drift, String.format(Locale.ROOT, "%.0f", stepsPerSecond()));
    }

    private static String fmt(double ps) {
        return String.format(Locale.ROOT, "%.2f", ps);
    }

    /** The summary table of several models as Markdown, with the definitions under it. */
    public static String summaryMarkdown(List<MdBenchmarkResult> results) {
        StringBuilder sb = new StringBuilder("# MD benchmark\n\n");
        sb.append('|').append(String.join(" | ", summaryHeader())).append("|\n|");
        sb.append("---|".repeat(summaryHeader().size())).append('\n');
        for (MdBenchmarkResult r : results) sb.append('|').append(String.join(" | ", r.summaryRow())).append("|\n");
        if (!results.isEmpty()) {
            MdBenchmarkConfig c = results.get(0).config();
            sb.append('\n').append(definitions(c)).append('\n');
        }
        return sb.toString();
    }

    /** What the columns mean, for settings {@code c}. */
    public static String definitions(MdBenchmarkConfig c) {
        return String.format(Locale.ROOT, "NVT Langevin (BAOAB) at %s K, Δt = %s fs, γ = %s/fs, runs of up to %s ps. "
                        + "A run fails when a bond (distance ≤ %s × sum of covalent radii, Cordero et al. 2008, in its starting "
                        + "frame) deviates from its starting length by more than %s Å, or when the integrator stops "
                        + "(non-finite energy or force, an atom beyond %s Å of the centre of mass, or a temperature above %s K). "
                        + "Stability: mean of min(T, L) ± standard error, runs that survive entering at the full length L "
                        + "(equal to the Kaplan–Meier restricted mean up to L, a lower bound of the mean); KM median: the "
                        + "Kaplan–Meier median (\"> L\" when more than half survive). h(r): all interatomic distances of "
                        + "geometries every %d steps of the stable parts, pooled over runs, against all frames of the "
                        + "reference data, on [0, %s) Å in %d bins; each histogram normalised to count / (pairs × bin width) "
                        + "(1/Å); MAE = mean over bins of the absolute difference. Drift: mean over NVE (velocity Verlet) runs "
                        + "of %s ps, from the same frames and initial velocities, of |slope of a least-squares line through "
                        + "the total energy| per atom. steps/s: MD steps (NVT and NVE) per second of one thread.",
                c.temperature(), c.timestep(), c.friction(), c.length(), c.bondFactor(), c.bondThreshold(),
                c.limits().maxDistanceFromCentre(), c.limits().maxTemperature(), c.sampleEvery(), c.grid().max(),
                c.grid().bins(), c.nveLength());
    }

    /** The summary over models as JSON (each model's {@link #toJson()} without its per-run lists). */
    public static ObjectNode summaryJson(List<MdBenchmarkResult> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", SUMMARY_FORMAT);
        ArrayNode header = root.putArray("table_header");
        summaryHeader().forEach(header::add);
        if (!results.isEmpty()) root.put("definitions", definitions(results.get(0).config()));
        ArrayNode models = root.putArray("models");
        for (MdBenchmarkResult r : results) {
            ObjectNode j = r.toJson();
            ArrayNode row = j.putArray("table_row");
            r.summaryRow().forEach(row::add);
            ((ObjectNode) j.get("stability")).remove("per_run");
            ((ObjectNode) j.get("nve")).remove("per_run");
            models.add(j);
        }
        return root;
    }

    /** Writes {@code summary.md} and {@code summary.json} for {@code results} into {@code dir}, atomically. */
    public static void writeSummary(Path dir, List<MdBenchmarkResult> results) {
        AtomicFiles.writeString(dir.resolve("summary.md"), summaryMarkdown(results));
        try {
            AtomicFiles.write(dir.resolve("summary.json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(summaryJson(results)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
