package org.qmlff.spark;

import org.qmlff.data.Dataset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Dataset} as Spark ships it to executors (broadcast once, cached there): the same arrays,
 * in the same units (Å, kcal/mol, kcal/mol/Å). Rebuilding gives a dataset equal to the original.
 */
record DatasetPayload(String name, int[] numbers, double[] positions, double[] energies, double[] forces)
        implements Serializable {

    static DatasetPayload of(Dataset d) {
        return new DatasetPayload(d.name(), d.numbers(), d.positions(), d.energies(), d.forces());
    }

    static ArrayList<DatasetPayload> of(List<Dataset> sets) {
        ArrayList<DatasetPayload> out = new ArrayList<>(sets.size());
        for (Dataset d : sets) out.add(of(d));
        return out;
    }

    Dataset toDataset() {
        return new Dataset(name, numbers, positions, energies, forces);
    }

    static List<Dataset> toDatasets(List<DatasetPayload> payloads) {
        List<Dataset> out = new ArrayList<>(payloads.size());
        for (DatasetPayload p : payloads) out.add(p.toDataset());
        return out;
    }
}
