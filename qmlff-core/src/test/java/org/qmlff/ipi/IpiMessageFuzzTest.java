package org.qmlff.ipi;

import org.qmlff.data.Units;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.qmlff.data.Dataset;
import org.qmlff.fuzz.Mutator;
import org.qmlff.model.ForceField;
import org.qmlff.model.ModelOptions;
import org.qmlff.model.Models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The i-PI client fed 10 000 mutants of a valid server conversation (STATUS, INIT, POSDATA,
 * GETFORCE for two geometries, EXIT): every session either ends normally or fails with an
 * {@link IpiException} whose message is one line; no other exception, no hang, and every
 * FORCEREADY it sends carries finite numbers.
 */
class IpiMessageFuzzTest {
    /**
     * Fixed, so that a CI run is reproducible (a failure reappears on every run); change it to
     * explore other mutants.
     */
    static final String FUZZ_SEED = "-1841773176924094012";

    private static final int TRIES = 10_000;
    private static final Duration HANG = Duration.ofSeconds(10);
    private static final int[] WATER = {8, 1, 1};
    private static ForceField model;
    private static byte[] conversation;

    @BeforeContainer
    static void validConversation() {
        double[] pos = {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0, 0.01, 0, 0.02, 0.95, 0.03, 0, -0.25, 0.9, 0.01};
        Dataset water = new Dataset("water", WATER, pos, new double[]{-1, -2}, new double[18]);
        model = Models.create(ModelOptions.defaults("revised"), List.of(water), 3);
        ByteBuffer b = IpiClient.buffer(4096);
        header(b, "STATUS");
        header(b, "INIT");
        b.putInt(0).putInt(5).put("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int frame = 0; frame < 2; frame++) {
            header(b, "STATUS");
            header(b, "POSDATA");
            for (int i = 0; i < 9; i++) b.putDouble(i % 4 == 0 ? 20 : 0);
            for (int i = 0; i < 9; i++) b.putDouble(i % 4 == 0 ? 0.05 : 0);
            b.putInt(3);
            for (int i = 0; i < 9; i++) b.putDouble(pos[9 * frame + i] / Units.ASE_ANGSTROM_PER_BOHR);
            header(b, "STATUS");
            header(b, "GETFORCE");
        }
        header(b, "EXIT");
        b.flip();
        conversation = new byte[b.remaining()];
        b.get(conversation);
    }

    private static void header(ByteBuffer b, String text) {
        IpiClient.putHeader(b, text);
    }

    /** The server's side played from a byte array; the client's answers collected. */
    static final class Scripted implements IpiChannel {
        private final ByteBuffer in;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Scripted(byte[] script) {
            in = ByteBuffer.wrap(script);
        }

        @Override
        public boolean read(ByteBuffer buf, String what, boolean endAllowed) throws IOException {
            if (!in.hasRemaining() && endAllowed) return false;
            int want = buf.remaining();
            if (in.remaining() < want) {
                int got = in.remaining();
                buf.put(in);
                throw new IpiException("the i-PI server closed the connection in the middle of " + what + " ("
                        + got + " of " + want + " bytes received)");
            }
            ByteBuffer slice = in.slice();
            slice.limit(want);
            buf.put(slice);
            in.position(in.position() + want);
            return true;
        }

        @Override
        public void write(ByteBuffer buf, String what) {
            byte[] b = new byte[buf.remaining()];
            buf.get(b);
            out.writeBytes(b);
        }
    }

    private static IpiClient client() {
        return new IpiClient(model, WATER, Duration.ofSeconds(1));
    }

    @Example
    void theUnmutatedConversationServesBothGeometries() throws IOException {
        Scripted s = new Scripted(conversation);
        IpiSummary summary = client().serve(s);
        assertThat(summary.forceEvaluations()).isEqualTo(2);
        assertThat(summary.exitReceived()).isTrue();
        // NEEDINIT, then READY, HAVEDATA and FORCEREADY with its payload for each geometry
        assertThat(s.out.size()).isEqualTo(12 + 2 * (2 * 12 + 12 + 8 + 4 + 9 * 8 + 9 * 8 + 4));
    }

    @Property(tries = TRIES, seed = FUZZ_SEED)
    void aMutatedConversationEndsOrFailsWithAnIpiError(@ForAll long seed) {
        byte[] m = Mutator.mutate(conversation, seed);
        assertTimeoutPreemptively(HANG, () -> {
            Scripted s = new Scripted(m);
            try {
                client().serve(s);
            } catch (IpiException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            }
            assertRepliesAreFinite(s.out.toByteArray());
        }, () -> "hung on a " + m.length + "-byte conversation");
    }

    /** Walks the client's answers: 12-byte headers, FORCEREADY followed by its payload. */
    private static void assertRepliesAreFinite(byte[] replies) {
        ByteBuffer r = IpiClient.buffer(replies.length).put(replies).flip();
        while (r.hasRemaining()) {
            ByteBuffer h = IpiClient.buffer(12);
            for (int i = 0; i < 12; i++) h.put(r.get());
            String header = new String(h.array(), java.nio.charset.StandardCharsets.US_ASCII).strip();
            assertThat(header).isIn("NEEDINIT", "READY", "HAVEDATA", "FORCEREADY");
            if (!header.equals("FORCEREADY")) continue;
            assertThat(r.getDouble()).isFinite();
            assertThat(r.getInt()).isEqualTo(3);
            for (int i = 0; i < 9 + 9; i++) assertThat(r.getDouble()).isFinite();
            assertThat(r.getInt()).isZero();
        }
    }
}
