/**
 * An i-PI socket client ("driver"): serves energies and forces of a {@link org.qmlff.model.ForceField}
 * to an i-PI server (i-PI itself, ASE's {@code SocketIOCalculator}, or any code speaking the
 * protocol) over a UNIX-domain or TCP socket.
 *
 * <p>The protocol: messages start with a 12-byte header, ASCII, padded with spaces. The server asks
 * {@code STATUS}; the client answers {@code NEEDINIT} (until it got {@code INIT}), {@code READY} or
 * {@code HAVEDATA} (forces are computed and waiting). {@code INIT} carries int32 bead index, int32
 * length and that many bytes. {@code POSDATA} carries the cell (9 float64), its inverse (9 float64),
 * int32 atom count and the positions (atoms × 3 float64, Bohr). {@code GETFORCE} is answered with
 * {@code FORCEREADY}, float64 energy (Hartree), int32 atom count, the forces (atoms × 3 float64,
 * Hartree/Bohr), the virial (9 float64, Hartree), int32 length and that many bytes of extra data.
 * {@code EXIT} ends the session. Binary values are in the machine's native byte order (little-endian
 * everywhere in practice), as i-PI and ASE send them.
 */
package org.qmlff.ipi;
