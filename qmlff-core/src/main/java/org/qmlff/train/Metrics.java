package org.qmlff.train;

import org.qmlff.data.Units;

import org.qmlff.data.Element;

import org.qmlff.data.Dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Errors of predictions against references, over one or several datasets pooled together: energy
 * MAE/RMSE over frames (whole-molecule energies), force MAE/RMSE over every force component, and the
 * force MAE per element. Values are in kcal/mol and kcal/mol/Å; the {@code ...MeV} accessors convert.
 *
 * @param frames          frames counted
 * @param forceComponents force components counted (Σ 3·atoms over frames)
 * @param energyMae       mean |E − Ê|, kcal/mol (NaN when the predictions have no energies, see the null model)
 * @param energyRmse      sqrt(mean (E − Ê)²), kcal/mol
 * @param forceMae        mean |F − F̂| per component, kcal/mol/Å
 * @param forceRmse       sqrt(mean (F − F̂)²) per component, kcal/mol/Å
 * @param forcePerElement force MAE of the atoms of each element, ascending atomic number
 */
public record Metrics(int frames, long forceComponents, double energyMae, double energyRmse, double forceMae,
                      double forceRmse, List<ElementError> forcePerElement) {

    /**
     * Force error of one element's atoms.
     *
     * @param atomicNumber Z
     * @param components   force components counted
     * @param forceMae     mean |F − F̂| over them, kcal/mol/Å
     */
    public record ElementError(int atomicNumber, long components, double forceMae) {
        public String symbol() {
            return Element.of(atomicNumber).symbol();
        }

        public double forceMaeMeV() {
            return forceMae * Units.MEV_PER_KCAL_MOL;
        }
    }

    public Metrics {
        forcePerElement = List.copyOf(forcePerElement);
    }

    /** Errors of {@code predicted} against the references of {@code reference}. */
    public static Metrics of(Dataset reference, Predictions predicted) {
        return pooled(List.of(reference), List.of(predicted));
    }

    /** Errors pooled over several datasets (all frames and all force components together). */
    public static Metrics pooled(List<Dataset> references, List<Predictions> predicted) {
        if (references.size() != predicted.size())
            throw new IllegalArgumentException(references.size() + " datasets but " + predicted.size() + " predictions");
        int frames = 0;
        long comps = 0;
        double sae = 0, sse = 0, saf = 0, ssf = 0;
        Map<Integer, double[]> perElement = new TreeMap<>(); // Z -> {sum |dF|, count}
        for (int s = 0; s < references.size(); s++) {
            Dataset d = references.get(s);
            Predictions p = predicted.get(s);
            if (p.frames() != d.frames() || p.atoms() != d.atoms())
                throw new IllegalArgumentException(d.name() + ": predictions are for " + p.frames() + " frames x "
                        + p.atoms() + " atoms, the data has " + d.frames() + " x " + d.atoms());
            double[] er = d.energies(), ep = p.energies(), fr = d.forces(), fp = p.forces();
            for (int f = 0; f < d.frames(); f++) {
                double de = ep[f] - er[f];
                sae += Math.abs(de);
                sse += de * de;
            }
            int[] z = d.numbers();
            double[][] acc = new double[z.length][];
            for (int a = 0; a < z.length; a++) acc[a] = perElement.computeIfAbsent(z[a], k -> new double[2]);
            int n = z.length;
            for (int f = 0; f < d.frames(); f++) {
                for (int a = 0; a < n; a++) {
                    int o = (f * n + a) * 3;
                    double elementSum = 0;
                    for (int k = 0; k < 3; k++) {
                        double df = fp[o + k] - fr[o + k];
                        double adf = Math.abs(df);
                        saf += adf;
                        ssf += df * df;
                        elementSum += adf;
                    }
                    acc[a][0] += elementSum;
                    acc[a][1] += 3;
                }
            }
            frames += d.frames();
            comps += fr.length;
        }
        if (frames == 0) throw new IllegalArgumentException("no frames to compute errors on");
        List<ElementError> elements = new ArrayList<>();
        perElement.forEach((zz, a) -> elements.add(new ElementError(zz, (long) a[1], a[0] / a[1])));
        return new Metrics(frames, comps, sae / frames, Math.sqrt(sse / frames), saf / comps, Math.sqrt(ssf / comps),
                elements);
    }

    public double energyMaeMeV() {
        return energyMae * Units.MEV_PER_KCAL_MOL;
    }

    public double energyRmseMeV() {
        return energyRmse * Units.MEV_PER_KCAL_MOL;
    }

    public double forceMaeMeV() {
        return forceMae * Units.MEV_PER_KCAL_MOL;
    }

    public double forceRmseMeV() {
        return forceRmse * Units.MEV_PER_KCAL_MOL;
    }

    /**
     * A JSON-ready map with unit-suffixed keys: {@code n_frames}, {@code energy_mae_meV},
     * {@code energy_rmse_meV}, {@code force_mae_meV_per_A}, {@code force_rmse_meV_per_A}, the same in
     * {@code kcal_per_mol}, and {@code force_mae_per_element_meV_per_A} (symbol → value). Non-finite
     * values become null.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n_frames", frames);
        m.put("energy_mae_meV", finite(energyMaeMeV()));
        m.put("energy_rmse_meV", finite(energyRmseMeV()));
        m.put("force_mae_meV_per_A", finite(forceMaeMeV()));
        m.put("force_rmse_meV_per_A", finite(forceRmseMeV()));
        m.put("energy_mae_kcal_per_mol", finite(energyMae));
        m.put("energy_rmse_kcal_per_mol", finite(energyRmse));
        m.put("force_mae_kcal_per_mol_per_A", finite(forceMae));
        m.put("force_rmse_kcal_per_mol_per_A", finite(forceRmse));
        Map<String, Object> pe = new LinkedHashMap<>();
        for (ElementError e : forcePerElement) pe.put(e.symbol(), finite(e.forceMaeMeV()));
        m.put("force_mae_per_element_meV_per_A", pe);
        return m;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
