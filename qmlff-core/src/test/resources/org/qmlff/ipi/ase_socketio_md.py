"""ASE side of qmlff's i-PI interoperability test.

Runs ASE's i-PI server (SocketIOCalculator) with velocity Verlet on ethanol, waiting for one
driver (the Java test's client) to compute energies and forces. Prints one JSON line when the
server listens (port, atoms, ASE's unit constants), and one JSON line at the end with the positions,
energy (eV) and forces (eV/Å) ASE received at every step (step 0 included).
"""
import argparse
import json

import numpy as np
from ase import units
from ase.build import molecule
from ase.calculators.socketio import SocketIOCalculator
from ase.md.velocitydistribution import MaxwellBoltzmannDistribution
from ase.md.verlet import VelocityVerlet

parser = argparse.ArgumentParser()
parser.add_argument("--unix", help="UNIX socket name (ASE makes it /tmp/ipi_NAME); TCP on a free port if absent")
parser.add_argument("--steps", type=int, default=50)
parser.add_argument("--timeout", type=float, default=20.0, help="seconds ASE waits for the driver")
args = parser.parse_args()

atoms = molecule("CH3CH2OH")
MaxwellBoltzmannDistribution(atoms, temperature_K=300, rng=np.random.RandomState(1))
where = {"unixsocket": args.unix} if args.unix else {"port": 0}
records = []

with SocketIOCalculator(timeout=args.timeout, **where) as calc:
    port = None if args.unix else calc.server.serversocket.getsockname()[1]
    print(json.dumps({
        "port": port,
        "numbers": [int(z) for z in atoms.numbers],
        "positions": atoms.positions.ravel().tolist(),
        "units": {"Bohr": units.Bohr, "Hartree": units.Hartree, "kcal_per_mol": units.kcal / units.mol},
    }), flush=True)
    atoms.calc = calc
    dyn = VelocityVerlet(atoms, timestep=0.5 * units.fs)

    def record():
        records.append({
            "positions": atoms.positions.ravel().tolist(),
            "energy": float(atoms.get_potential_energy()),
            "forces": atoms.get_forces().ravel().tolist(),
        })

    dyn.attach(record, interval=1)
    dyn.run(args.steps)

print(json.dumps({"records": records}), flush=True)
