package dev.rvjar.serve.store;

/**
 * One RAM state: the ROM it belongs to, its RAM (as a {@link dev.rvjar.serve.exec.RamCodec} image:
 * its non-zero chunks), how many calls have changed it and how the last of them ended.
 */
public record StateValue(String romId, byte[] ram, long calls, int lastStatus) {
    /** The value after one more call that exited with {@code status} and left {@code newRam}. */
    public StateValue next(byte[] newRam, int status) {
        return new StateValue(romId, newRam, calls + 1, status);
    }
}
