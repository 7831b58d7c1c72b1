package org.qmlff.analysis;

/**
 * Energy and force MAEs over several runs (seeds), each as mean ± sample std.
 *
 * @param energy energy MAE over runs, meV
 * @param force  force MAE over runs, meV/Å
 */
public record ErrorStats(MeanStd energy, MeanStd force) {

    /** The statistics of {@code q}. */
    public MeanStd get(Quantity q) {
        return q == Quantity.ENERGY ? energy : force;
    }
}
