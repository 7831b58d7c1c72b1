"""ASE calculator for qmlff models: one file, ASE only, no installation.

    import sys; sys.path.insert(0, "/path/to/qmlff/python")
    from qmlff_ase import QmlffCalculator

    atoms.calc = QmlffCalculator(model="runs/revised/model.json")
    atoms.get_potential_energy()   # eV, like every ASE calculator
    atoms.get_forces()             # eV/Å
    ...
    atoms.calc.close()             # or use it in a with-block

How it works: ASE's SocketIOCalculator is an i-PI server; on the first calculation this class
writes the atoms (species and positions only) to a temporary extended-XYZ file and starts
``qmlff serve-ipi --model MODEL --init FILE --unix NAME``, which connects as the i-PI driver and
answers every later step. Energies and forces come back in eV and eV/Å (qmlff works in kcal/mol;
the i-PI wire carries Hartree and Bohr; ASE converts with its own constants, and qmlff uses the same
ones). The atoms must keep their species and order: the i-PI protocol carries positions only.

Where qmlff is: the ``qmlff`` argument, else the QMLFF environment variable, else the launcher next to
this file's folder (the repository layout: python/qmlff_ase.py beside ./qmlff).
"""
import os
import shutil
import subprocess
import tempfile
import uuid

from ase.calculators.socketio import SocketIOCalculator

__all__ = ["QmlffCalculator"]


def _default_launcher():
    env = os.environ.get("QMLFF")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    candidate = os.path.join(os.path.dirname(here), "qmlff")
    if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
        return candidate
    found = shutil.which("qmlff")
    if found:
        return found
    raise FileNotFoundError("qmlff launcher not found: pass qmlff='/path/to/qmlff' or set QMLFF")


class QmlffCalculator(SocketIOCalculator):
    """An ASE calculator backed by ``qmlff serve-ipi``.

    Parameters:
        model: path of a qmlff model file (model.json).
        qmlff: path of the qmlff launcher (default: see the module docstring).
        timeout: seconds ASE waits for qmlff to connect and to answer one step (default 120:
            the first call may build the tool).
        log: file object for the socket log (ASE's), or None.
        stderr: where qmlff's messages go (default: inherited).
    """

    def __init__(self, model, qmlff=None, timeout=120.0, log=None, stderr=None):
        if not os.path.isfile(model):
            raise FileNotFoundError("qmlff model file not found: %s" % model)
        self._model = os.path.abspath(model)
        self._launcher = qmlff or _default_launcher()
        self._stderr = stderr
        self._workdir = tempfile.mkdtemp(prefix="qmlff-ase-")
        # A short unique name: ASE puts the socket at /tmp/ipi_NAME, and unix socket paths are short.
        name = "qmlff-%s" % uuid.uuid4().hex[:12]
        super().__init__(unixsocket=name, timeout=timeout, log=log, launch_client=self._launch)

    def _launch(self, atoms, properties=None, port=None, unixsocket=None):
        geometry = os.path.join(self._workdir, "init.xyz")
        with open(geometry, "w") as f:
            f.write("%d\nProperties=species:S:1:pos:R:3 pbc=\"F F F\"\n" % len(atoms))
            for symbol, (x, y, z) in zip(atoms.get_chemical_symbols(), atoms.positions):
                f.write("%s %.17g %.17g %.17g\n" % (symbol, x, y, z))
        cmd = [self._launcher, "serve-ipi", "--model", self._model, "--init", geometry, "--unix", unixsocket]
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=self._stderr)

    def close(self):
        try:
            super().close()
        finally:
            shutil.rmtree(self._workdir, ignore_errors=True)

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass
