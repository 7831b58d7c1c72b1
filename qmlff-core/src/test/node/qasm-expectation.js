// Reads OpenQASM 2.0 files with the npm package quantum-circuit (an independent simulator) and prints, per
// file, <s_p.s_q> two ways: from the state vector before the measurement section (2 Re <psi|SWAP_pq|psi> - 1)
// and from the Bell-basis measurement the file performs (1 - 4 P(q[p] = q[q] = 1)).
// Usage: node qasm-expectation.js MODULE_DIR FILE:P:Q ...   Output: one JSON object per line.
// quantum-circuit numbers basis states with q[k] as bit k (checked by the caller's tests); it keeps the
// state after `measure` gates (it samples nothing), so the measured file's state is the pre-measurement one.
const path = require("path");
const fs = require("fs");
const QuantumCircuit = require(path.join(process.argv[2], "node_modules", "quantum-circuit"));

function simulate(source) {
  const c = new QuantumCircuit();
  c.importQASM(source, errors => { if (errors.length) throw new Error(JSON.stringify(errors)); });
  c.run();
  return c.state;
}

function amp(state, i) {
  const a = state[String(i)];
  return a === undefined ? [0, 0] : [a.re, a.im];
}

for (const arg of process.argv.slice(3)) {
  const [file, ps, qs] = arg.split(":");
  const p = Number(ps), q = Number(qs);
  const text = fs.readFileSync(file, "utf8");
  const before = text.split("// measurement")[0];
  const mp = 1 << p, mq = 1 << q, both = mp | mq;
  let s = simulate(before), swap = 0;
  for (const key of Object.keys(s)) {
    const i = Number(key), bits = i & both;
    const j = (bits === 0 || bits === both) ? i : i ^ both;
    const [ar, ai] = amp(s, i), [br, bi] = amp(s, j);
    swap += ar * br + ai * bi;
  }
  s = simulate(text);
  let p11 = 0;
  for (const key of Object.keys(s)) {
    const i = Number(key);
    if ((i & both) === both) { const [ar, ai] = amp(s, i); p11 += ar * ar + ai * ai; }
  }
  console.log(JSON.stringify({file: file, direct: 2 * swap - 1, bell: 1 - 4 * p11}));
}
