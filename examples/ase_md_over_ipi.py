"""Drive a qmlff model from ASE over the i-PI socket protocol.

In one shell:   ./qmlff serve-ipi --model RUN/model.json --init data/rmd17/rmd17_ethanol_test_01.npz --unix qmlff
In another:     python3 examples/ase_md_over_ipi.py --unix qmlff --steps 2000

ASE is the server (SocketIOCalculator) and qmlff the driver. The script starts from frame 0 of the
bundled ethanol test split, runs velocity Verlet at 0.5 fs and prints the steps per second.
Needs ASE (Debian: python3-ase). Atoms must be in the order of the --init file given to qmlff.
"""
import argparse
import time

import numpy as np
from ase import Atoms, units
from ase.calculators.socketio import SocketIOCalculator
from ase.md.velocitydistribution import MaxwellBoltzmannDistribution
from ase.md.verlet import VelocityVerlet

parser = argparse.ArgumentParser()
parser.add_argument("--unix", default="qmlff", help="socket name: ASE listens on /tmp/ipi_NAME")
parser.add_argument("--data", default="data/rmd17/rmd17_ethanol_test_01.npz")
parser.add_argument("--steps", type=int, default=2000)
args = parser.parse_args()

npz = np.load(args.data)
atoms = Atoms(numbers=npz["nuclear_charges"], positions=npz["coords"][0])
MaxwellBoltzmannDistribution(atoms, temperature_K=300, rng=np.random.RandomState(0))
with SocketIOCalculator(unixsocket=args.unix, timeout=60) as calc:
    atoms.calc = calc
    dyn = VelocityVerlet(atoms, timestep=0.5 * units.fs)
    dyn.run(1)  # connects and warms up the driver
    start = time.perf_counter()
    dyn.run(args.steps)
    elapsed = time.perf_counter() - start
    print(f"ASE velocity Verlet over i-PI: {args.steps} steps in {elapsed:.2f} s = {args.steps / elapsed:.0f} steps/s; "
          f"E_pot = {atoms.get_potential_energy():.6f} eV")
