package dev.rvjar.translate;

import dev.rvjar.decode.Decoder;
import dev.rvjar.decode.Instruction;
import dev.rvjar.image.CodeSection;
import dev.rvjar.image.RomImage;
import dev.rvjar.image.Segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The bytes the translator may read as code: the image's executable segments, restricted to
 * addresses the memory layout lets the guest execute. Decodes exactly as the interpreter does,
 * including RV32E's rule that an instruction naming x16-x31 is illegal. Every address is safe to
 * ask about: outside the code, or where an instruction would run past a segment's end, the answer
 * is "no instruction".
 */
final class ExecutableCode {
    private final List<Segment> segments;
    private final List<Segment> allSegments;
    private final boolean rv32e;
    /** Where the linker put code (an ELF's executable sections; all of a flat image). */
    private final List<CodeSection> codeSections;
    /** Decoded instructions per segment, per halfword, decoded on first use. */
    private final Instruction[][] decoded;

    ExecutableCode(RomImage image, IntPredicate executable, boolean rv32e) {
        List<Segment> code = new ArrayList<>();
        for (Segment segment : image.segments()) {
            if (segment.executable() && segment.bytes().length >= 2 && executable.test(segment.address())) {
                code.add(segment);
            }
        }
        code.sort(Comparator.comparingLong(s -> Integer.toUnsignedLong(s.address())));
        this.segments = List.copyOf(code);
        this.allSegments = image.segments();
        this.rv32e = rv32e;
        this.codeSections = image.codeSections();
        this.decoded = new Instruction[segments.size()][];
        for (int i = 0; i < segments.size(); i++) {
            decoded[i] = new Instruction[segments.get(i).bytes().length / 2];
        }
    }

    /** The executable segments, by address. */
    List<Segment> segments() {
        return segments;
    }

    /** Every segment of the image, code and data: where the pointer sweep looks for addresses. */
    List<Segment> allImageSegments() {
        return allSegments;
    }

    /** The index of the segment holding {@code address}, or -1. */
    int segmentOf(int address) {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (Integer.compareUnsigned(address - s.address(), s.bytes().length) < 0
                    && Integer.compareUnsigned(address, s.address()) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code address} lies in a section the image marks as code: data sections such as
     * {@code .rodata} share an executable segment with {@code .text}, but no block starts there.
     */
    boolean isInCodeSection(int address) {
        for (CodeSection section : codeSections) {
            if (Integer.compareUnsigned(address - section.address(), section.bytes().length) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code address} is a plausible instruction address: 2-byte aligned, inside the code. */
    boolean isCodeAddress(int address) {
        return (address & 1) == 0 && segmentOf(address) >= 0;
    }

    /** The instruction at {@code pc}, or null when none fits there (misaligned, outside, or cut off by the segment's end). */
    Instruction at(int pc) {
        if ((pc & 1) != 0) {
            return null;
        }
        int index = segmentOf(pc);
        if (index < 0) {
            return null;
        }
        Segment segment = segments.get(index);
        int offset = pc - segment.address();
        int slot = offset >>> 1;
        if (slot >= decoded[index].length) {
            return null;
        }
        Instruction in = decoded[index][slot];
        if (in == null) {
            in = decode(segment.bytes(), offset);
            if (in == null) {
                return null;
            }
            decoded[index][slot] = in;
        }
        return in;
    }

    private Instruction decode(byte[] bytes, int offset) {
        if (offset + 2 > bytes.length) {
            return null;
        }
        int low = (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
        int bits = low;
        if (!Decoder.isCompressed(low)) {
            if (offset + 4 > bytes.length) {
                return null;
            }
            bits |= (bytes[offset + 2] & 0xFF) << 16 | (bytes[offset + 3] & 0xFF) << 24;
        }
        return Decoder.decode(bits, rv32e);
    }

    /** The little-endian word at {@code offset} of {@code bytes}. */
    static int word(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }
}
