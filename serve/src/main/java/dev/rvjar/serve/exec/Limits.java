package dev.rvjar.serve.exec;

/**
 * What one call may spend: an instruction budget and a wall-time cap. The server has defaults and
 * ceilings; a ROM may ask for less (or, up to the ceilings, more) when it is uploaded.
 */
public record Limits(long maxInstructions, long wallMillis) {
    public Limits {
        if (maxInstructions <= 0 || wallMillis <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** These limits with each value replaced by the requested one where given (non-null), clamped to {@code ceiling}. */
    public Limits with(Long requestedInstructions, Long requestedWallMillis, Limits ceiling) {
        long instructions = requestedInstructions == null ? maxInstructions : requestedInstructions;
        long wall = requestedWallMillis == null ? wallMillis : requestedWallMillis;
        return new Limits(Math.min(instructions, ceiling.maxInstructions), Math.min(wall, ceiling.wallMillis));
    }
}
