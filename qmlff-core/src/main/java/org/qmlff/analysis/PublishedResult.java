package org.qmlff.analysis;

/**
 * One published rMD17 result of another model (BASELINES.md).
 *
 * @param molecule molecule key as in rMD17 file names ({@code ethanol}, {@code salicylic}, ...)
 * @param model    model name ({@code MACE}, {@code NequIP}, {@code ACE}, {@code GAP}, ...)
 * @param nTrain   training configurations as published (1000 means 950 train + 50 validation)
 * @param errors   test MAEs: energy meV (NaN when not reported), force meV/Å
 * @param note     caveat, e.g. {@code probably original MD17}; empty when none
 */
public record PublishedResult(String molecule, String model, int nTrain, ErrorPair errors, String note) {
}
