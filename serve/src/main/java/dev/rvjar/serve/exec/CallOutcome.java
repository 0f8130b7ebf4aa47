package dev.rvjar.serve.exec;

/**
 * How one guest call ended. Only an {@link Kind#EXITED} call has a new RAM and an OUT payload; the
 * others leave the state as it was.
 */
public record CallOutcome(Kind kind, int exitStatus, String reason, long instructions, byte[] out, byte[] ram) {
    public enum Kind {
        EXITED("exit"), FAULTED("fault"), INSTRUCTION_LIMIT("instruction-limit"), WALL_TIME("wall-time");

        /** The name in the {@code Rvjar-Outcome} header, the access log and the metrics. */
        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static CallOutcome exited(int status, long instructions, byte[] out, byte[] ram) {
        return new CallOutcome(Kind.EXITED, status, null, instructions, out, ram);
    }

    static CallOutcome stopped(Kind kind, String reason, long instructions) {
        return new CallOutcome(kind, 0, reason, instructions, null, null);
    }
}
