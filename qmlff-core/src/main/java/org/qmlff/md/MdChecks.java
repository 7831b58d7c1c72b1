package org.qmlff.md;

import java.util.Locale;

/**
 * Blow-up detection after every step: a non-finite energy or force, an atom farther than the limit
 * from the centre of mass, or an instantaneous temperature above the limit. Each yields one line
 * naming the step, the time, the atom where there is one, and the limit.
 */
public final class MdChecks {
    private final MdLimits limits;
    private final double[] centre = new double[3];

    public MdChecks(MdLimits limits) {
        this.limits = limits;
    }

    /** Null if the state is sound; otherwise why the run must stop. Allocates nothing when sound. */
    public String problem(MdState s) {
        if (!Double.isFinite(s.potentialEnergy()))
            return "the model returned a non-finite energy (" + s.potentialEnergy() + ") " + where(s);
        double[] f = s.forces(), x = s.positions(), v = s.velocities();
        for (int i = 0; i < f.length; i++)
            if (!Double.isFinite(f[i]))
                return "the model returned a non-finite force on atom " + i / 3 + " (" + f[i] + ") " + where(s);
        for (int i = 0; i < x.length; i++)
            if (!Double.isFinite(x[i]) || !Double.isFinite(v[i]))
                return "atom " + i / 3 + " has a non-finite position or velocity " + where(s);
        Momenta.centreOfMass(s.masses(), x, centre);
        double limit2 = limits.maxDistanceFromCentre() * limits.maxDistanceFromCentre();
        for (int a = 0; a < s.atoms(); a++) {
            double dx = x[3 * a] - centre[0], dy = x[3 * a + 1] - centre[1], dz = x[3 * a + 2] - centre[2];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > limit2)
                return String.format(Locale.ROOT, "atom %d is %.4g Å from the centre of mass %s, beyond the limit of %s Å",
                        a, Math.sqrt(d2), where(s), MdFormat.brief(limits.maxDistanceFromCentre()));
        }
        if (s.temperature() > limits.maxTemperature() || !Double.isFinite(s.temperature()))
            return String.format(Locale.ROOT, "the temperature reached %.6g K %s, above the limit of %s K",
                    s.temperature(), where(s), MdFormat.brief(limits.maxTemperature()));
        return null;
    }

    private static String where(MdState s) {
        return String.format(Locale.ROOT, "at step %d (t = %s fs)", s.step(), MdFormat.brief(s.time()));
    }
}
