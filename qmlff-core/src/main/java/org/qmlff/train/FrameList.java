package org.qmlff.train;

import org.qmlff.data.Dataset;

import java.util.List;

/**
 * A global index over the frames of several datasets (several molecules): item {@code i} is frame
 * {@link #frame(int)} of dataset {@link #datasetIndex(int)}. Items are numbered dataset by dataset,
 * frames in file order, so the numbering depends only on the list of datasets.
 */
public final class FrameList {
    private final List<Dataset> datasets;
    private final int[] datasetOf;
    private final int[] frameOf;
    private final int maxAtoms;

    public FrameList(List<Dataset> datasets) {
        this.datasets = List.copyOf(datasets);
        int n = 0;
        int maxA = 0;
        for (Dataset d : this.datasets) {
            n = Math.addExact(n, d.frames());
            maxA = Math.max(maxA, d.atoms());
        }
        datasetOf = new int[n];
        frameOf = new int[n];
        int i = 0;
        for (int s = 0; s < this.datasets.size(); s++) {
            for (int f = 0; f < this.datasets.get(s).frames(); f++, i++) {
                datasetOf[i] = s;
                frameOf[i] = f;
            }
        }
        maxAtoms = maxA;
    }

    /** Number of frames over all datasets. */
    public int size() {
        return frameOf.length;
    }

    /** The datasets, in order. */
    public List<Dataset> datasets() {
        return datasets;
    }

    /** Index into {@link #datasets()} of item {@code i}. */
    public int datasetIndex(int i) {
        return datasetOf[i];
    }

    /** The dataset of item {@code i}. */
    public Dataset dataset(int i) {
        return datasets.get(datasetOf[i]);
    }

    /** The frame number of item {@code i} inside its dataset. */
    public int frame(int i) {
        return frameOf[i];
    }

    /** The largest atom count of any dataset (sizes the per-slot buffers). */
    public int maxAtoms() {
        return maxAtoms;
    }
}
