"""Drives python/qmlff_ase.py the way a user's ASE script would (the Java test checks the numbers).

Prints one JSON line: the energies (eV) and forces (eV/Å) of the given frames, and the potential
and total energies along a short velocity-Verlet run.
"""
import argparse
import json
import sys

import numpy as np
from ase import Atoms, units
from ase.md.verlet import VelocityVerlet
from ase.md.velocitydistribution import MaxwellBoltzmannDistribution

parser = argparse.ArgumentParser()
parser.add_argument("--python-dir", required=True)
parser.add_argument("--model", required=True)
parser.add_argument("--qmlff", required=True)
parser.add_argument("--data", required=True)
parser.add_argument("--frames", type=int, default=3)
parser.add_argument("--steps", type=int, default=20)
args = parser.parse_args()
sys.path.insert(0, args.python_dir)
from qmlff_ase import QmlffCalculator  # noqa: E402

npz = np.load(args.data)
atoms = Atoms(numbers=npz["nuclear_charges"], positions=npz["coords"][0])
out = {"energies": [], "forces": [], "md": [], "kcal_mol_in_eV": units.kcal / units.mol}
with QmlffCalculator(model=args.model, qmlff=args.qmlff, timeout=120) as calc:
    atoms.calc = calc
    for k in range(args.frames):
        atoms.positions = npz["coords"][k]
        out["energies"].append(float(atoms.get_potential_energy()))
        out["forces"].append(atoms.get_forces().ravel().tolist())
    MaxwellBoltzmannDistribution(atoms, temperature_K=300, rng=np.random.RandomState(0))
    dyn = VelocityVerlet(atoms, timestep=0.5 * units.fs)
    dyn.attach(lambda: out["md"].append([float(atoms.get_potential_energy()), float(atoms.get_total_energy())]), interval=1)
    dyn.run(args.steps)
print(json.dumps(out), flush=True)
