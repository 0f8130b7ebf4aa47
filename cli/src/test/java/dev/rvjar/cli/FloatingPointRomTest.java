package dev.rvjar.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fpwork ROM (an n-body simulation in double, a float matrix product, sqrt) in all four builds
 * (soft-float on rv32i, rv32e and rv32imac; the F and D instructions on rv32gc) against the same
 * computation in Java. Only correctly rounded operations are involved, so the bits must match.
 */
class FloatingPointRomTest {
    static final List<String> TARGETS = RomCall.TARGETS;
    private static final int BODIES = 5;
    private static final int N = 8;

    @TempDir
    Path dir;

    @ParameterizedTest
    @FieldSource("TARGETS")
    void resultsAreBitExact(String target) throws Exception {
        RomCall call = new RomCall(dir).input(new byte[0]).run(RomCall.rom(target, "fpwork.bin"));
        assertEquals(0, call.status, call.stderr);
        assertEquals(expected(), call.outText());
    }

    /** What fpwork.c computes, operation for operation. */
    static String expected() {
        StringBuilder out = new StringBuilder();
        double[][] body = {
            {0, 0, 0, 0, 0, 0, 0},
            {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04},
            {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04},
            {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05},
            {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05}};
        double pi = 3.141592653589793;
        double solar = 4 * pi * pi;
        for (int i = 1; i < BODIES; i++) {
            for (int v = 3; v < 6; v++) {
                body[i][v] *= 365.24;
            }
            body[i][6] *= solar;
        }
        body[0][6] = solar;
        double[] p = new double[3];
        for (double[] b : body) {
            for (int v = 0; v < 3; v++) {
                p[v] += b[3 + v] * b[6];
            }
        }
        for (int v = 0; v < 3; v++) {
            body[0][3 + v] = -p[v] / solar;
        }
        line(out, "e0", Long.toHexString(Double.doubleToRawLongBits(energy(body))), 16);
        for (int step = 0; step < 200; step++) {
            advance(body, 0.01);
        }
        line(out, "e1", Long.toHexString(Double.doubleToRawLongBits(energy(body))), 16);
        for (int i = 0; i < BODIES; i++) {
            line(out, "x" + i, Long.toHexString(Double.doubleToRawLongBits(body[i][0])), 16);
        }

        float[][] a = new float[N][N];
        float[][] b = new float[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a[i][j] = (float) (i + 1) / (float) (j + 3) - 0.25f * (float) j;
                b[i][j] = (float) (i * j % 7) * 0.1f + 1.0f / (float) (i + j + 1);
            }
        }
        float[][] c = new float[N][N];
        float sum = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                float s = 0;
                for (int k = 0; k < N; k++) {
                    s += a[i][k] * b[k][j];
                }
                c[i][j] = s;
                sum += s;
            }
        }
        for (int i = 0; i < N; i++) {
            line(out, "m" + i, Integer.toHexString(Float.floatToRawIntBits(c[i][i])), 8);
        }
        line(out, "s", Integer.toHexString(Float.floatToRawIntBits(sum)), 8);
        // sqrt in double then narrowed is correctly rounded for floats (53 >= 2 * 24 + 2).
        float root = (float) Math.sqrt(Math.abs(sum));
        line(out, "q", Integer.toHexString(Float.floatToRawIntBits(root / 3.0f)), 8);
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String hex, int digits) {
        out.append(label).append(' ').append("0".repeat(digits - hex.length())).append(hex).append('\n');
    }

    private static double energy(double[][] body) {
        double e = 0;
        for (int i = 0; i < BODIES; i++) {
            double[] b = body[i];
            e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5]);
            for (int j = i + 1; j < BODIES; j++) {
                double dx = b[0] - body[j][0];
                double dy = b[1] - body[j][1];
                double dz = b[2] - body[j][2];
                e -= b[6] * body[j][6] / Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    private static void advance(double[][] body, double dt) {
        for (int i = 0; i < BODIES; i++) {
            double[] b = body[i];
            for (int j = i + 1; j < BODIES; j++) {
                double[] o = body[j];
                double dx = b[0] - o[0];
                double dy = b[1] - o[1];
                double dz = b[2] - o[2];
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * Math.sqrt(d2));
                b[3] -= dx * o[6] * mag;
                b[4] -= dy * o[6] * mag;
                b[5] -= dz * o[6] * mag;
                o[3] += dx * b[6] * mag;
                o[4] += dy * b[6] * mag;
                o[5] += dz * b[6] * mag;
            }
        }
        for (double[] b : body) {
            b[0] += dt * b[3];
            b[1] += dt * b[4];
            b[2] += dt * b[5];
        }
    }
}
