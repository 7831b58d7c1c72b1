package org.qmlff.model;

import org.qmlff.error.InputException;

import java.util.Arrays;

/** The species index s of each atomic number for the atom-centred architectures (revised, rich). */
final class SpeciesIndex {
    private SpeciesIndex() {
    }

    /** index[Z] = position of Z in {@code species}, −1 for an element that is not a species; 119 entries. */
    static int[] of(int[] species) {
        int[] index = new int[119];
        Arrays.fill(index, -1);
        for (int i = 0; i < species.length; i++) {
            if (species[i] < 1 || species[i] > 118) throw new InputException("species " + species[i] + " is not an atomic number");
            index[species[i]] = i;
        }
        return index;
    }

    /** Throws a one-line {@link InputException} naming the first atom whose element is not a species. */
    static void check(int[] index, int[] species, int[] numbers) {
        for (int a = 0; a < numbers.length; a++) {
            int z = numbers[a];
            if (z < 1 || z > 118 || index[z] < 0)
                throw new InputException("atom " + a + " has atomic number " + z
                        + ", which is not among this model's species " + Arrays.toString(species));
        }
    }
}
