package dev.rvjar.translate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The ROM files the {@link Fuzzer} runs, each made from one {@link Random} so that a seed and an
 * index reproduce it: random bytes, random instruction words, random valid programs
 * ({@link RandomPrograms}), test ROMs (flat and ELF) with random mutations, and test ROM ELF files
 * truncated or with header, segment, section and symbol fields set to hostile values.
 */
final class FuzzInputs {
    /** What a fuzzed ROM was made from. */
    enum Kind {
        RANDOM_BYTES, RANDOM_WORDS, RANDOM_PROGRAM, MUTATED_ROM, MALFORMED_ELF
    }

    /** One fuzzed ROM file: its bytes, an IN file for it (null: none), and its instruction budget. */
    record Input(Kind kind, byte[] rom, byte[] in, long budget) {
    }

    /** The RISC-V major opcodes (bits 6:0) that decode to something: random words mostly use these. */
    private static final int[] MAJOR_OPCODES = {0x03, 0x07, 0x0F, 0x13, 0x17, 0x23, 0x27, 0x2F, 0x33, 0x37, 0x43, 0x47,
        0x4B, 0x4F, 0x53, 0x63, 0x67, 0x6F, 0x73};
    /** Values that break size and offset arithmetic: zero, one, signs, extremes. */
    private static final int[] HOSTILE_VALUES = {0, 1, 2, 4, -1, -2, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF, 0x1_0000,
        0x0010_0000, 0x0100_0000, 0x0800_0000};
    private static final int ELF_HEADER_SIZE = 52;
    private static final int PROGRAM_HEADER_SIZE = 32;
    private static final int SECTION_HEADER_SIZE = 40;
    private static final int SYMBOL_SIZE = 16;
    private static final int SHT_SYMTAB = 2;
    /** Byte offset and width of each field of the ELF32 file header (System V gABI, "ELF Header"). */
    private static final int[][] HEADER_FIELDS = {{4, 1}, {5, 1}, {16, 2}, {18, 2}, {24, 4}, {28, 4}, {32, 4},
        {36, 4}, {42, 2}, {44, 2}, {46, 2}, {48, 2}, {50, 2}};

    private final List<byte[]> flatRoms;
    private final List<byte[]> elfRoms;
    private final net.jqwik.api.RandomGenerator<RandomPrograms.Program> programs =
            RandomPrograms.programs().generator(1000);

    /** Inputs made from the given test ROM files (flat images and ELF files). */
    FuzzInputs(List<byte[]> flatRoms, List<byte[]> elfRoms) {
        if (flatRoms.isEmpty() || elfRoms.isEmpty()) {
            throw new IllegalArgumentException("the fuzzer needs test ROMs: make -C testroms");
        }
        this.flatRoms = flatRoms;
        this.elfRoms = elfRoms;
    }

    /** The input {@code random} makes: every kind about equally often. */
    Input next(Random random) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        byte[] rom = switch (kind) {
            case RANDOM_BYTES -> randomBytes(random, 1 + random.nextInt(random.nextBoolean() ? 64 : 1024));
            case RANDOM_WORDS -> randomWords(random, 1 + random.nextInt(256));
            case RANDOM_PROGRAM -> programs.next(random).value().assemble();
            case MUTATED_ROM -> mutate(random, pick(random, random.nextBoolean() ? flatRoms : elfRoms));
            case MALFORMED_ELF -> malform(random, pick(random, elfRoms));
        };
        byte[] in = random.nextBoolean() ? null : inFile(random);
        long budget = random.nextInt(4) == 0 ? random.nextInt(500) : 5_000;
        return new Input(kind, rom, in, budget);
    }

    private static byte[] pick(Random random, List<byte[]> roms) {
        return roms.get(random.nextInt(roms.size())).clone();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Words with a real major opcode and random fields, some compressed halfwords among them. */
    private static byte[] randomWords(Random random, int words) {
        ByteBuffer buffer = ByteBuffer.allocate(words * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < words; i++) {
            buffer.putInt(instructionWord(random));
        }
        return buffer.array();
    }

    private static int instructionWord(Random random) {
        int bits = random.nextInt();
        return switch (random.nextInt(4)) {
            case 0 -> bits;                                   // anything, often compressed
            case 1 -> (bits & 0xFFFF_0000) | (bits & 0xFFFC) | (random.nextInt(3)); // two compressed halfwords
            default -> (bits & ~0x7F) | MAJOR_OPCODES[random.nextInt(MAJOR_OPCODES.length)];
        };
    }

    /** A valid IN file (length header and payload), sometimes with a length larger than its payload. */
    private static byte[] inFile(Random random) {
        byte[] payload = randomBytes(random, random.nextInt(64));
        int length = random.nextInt(8) == 0 ? random.nextInt() : payload.length;
        return ByteBuffer.allocate(4 + payload.length).order(ByteOrder.LITTLE_ENDIAN).putInt(length).put(payload).array();
    }

    /** One to eight random changes: bit flips, random bytes and words, copies, cuts and insertions. */
    static byte[] mutate(Random random, byte[] rom) {
        int changes = 1 + random.nextInt(8);
        for (int i = 0; i < changes && rom.length > 0; i++) {
            int at = random.nextInt(rom.length);
            switch (random.nextInt(6)) {
                case 0 -> rom[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> rom[at] = (byte) random.nextInt();
                case 2 -> {
                    int word = at & ~3;
                    if (word + 4 <= rom.length) {
                        ByteBuffer.wrap(rom).order(ByteOrder.LITTLE_ENDIAN).putInt(word, instructionWord(random));
                    }
                }
                case 3 -> {
                    int length = random.nextInt(Math.min(256, rom.length - at) + 1);
                    int to = random.nextInt(rom.length - length + 1);
                    System.arraycopy(rom, at, rom, to, length);
                }
                case 4 -> {
                    int length = random.nextInt(Math.min(256, rom.length - at) + 1);
                    byte[] cut = new byte[rom.length - length];
                    System.arraycopy(rom, 0, cut, 0, at);
                    System.arraycopy(rom, at + length, cut, at, rom.length - at - length);
                    rom = cut;
                }
                default -> {
                    byte[] inserted = randomBytes(random, 1 + random.nextInt(64));
                    byte[] grown = new byte[rom.length + inserted.length];
                    System.arraycopy(rom, 0, grown, 0, at);
                    System.arraycopy(inserted, 0, grown, at, inserted.length);
                    System.arraycopy(rom, at, grown, at + inserted.length, rom.length - at);
                    rom = grown;
                }
            }
        }
        return rom;
    }

    /**
     * An ELF file truncated (most often inside its headers) or with one to three header, program
     * header, section header or symbol fields set to hostile values.
     */
    static byte[] malform(Random random, byte[] elf) {
        if (random.nextInt(4) == 0) {
            int length = random.nextBoolean() ? random.nextInt(Math.min(elf.length, 1024)) : random.nextInt(elf.length);
            return Arrays.copyOf(elf, length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int[] field = field(random, buffer);
            if (field != null) {
                setField(buffer, field[0], field[1], hostileValue(random, buffer, field));
            }
        }
        return elf;
    }

    /** A random field (offset, width) of the file header, a program header, a section header or a symbol. */
    private static int[] field(Random random, ByteBuffer elf) {
        int phoff = elf.getInt(28);
        int phnum = Short.toUnsignedInt(elf.getShort(44));
        int shoff = elf.getInt(32);
        int shnum = Short.toUnsignedInt(elf.getShort(48));
        switch (random.nextInt(4)) {
            case 0 -> {
                return HEADER_FIELDS[random.nextInt(HEADER_FIELDS.length)];
            }
            case 1 -> {
                long header = Integer.toUnsignedLong(phoff) + (long) random.nextInt(Math.max(phnum, 1)) * PROGRAM_HEADER_SIZE;
                return within(elf, header + 4 * random.nextInt(8), 4);
            }
            case 2 -> {
                long header = Integer.toUnsignedLong(shoff) + (long) random.nextInt(Math.max(shnum, 1)) * SECTION_HEADER_SIZE;
                return within(elf, header + 4 * random.nextInt(10), 4);
            }
            default -> {
                for (int s = 0; s < shnum; s++) {
                    long header = Integer.toUnsignedLong(shoff) + (long) s * SECTION_HEADER_SIZE;
                    if (within(elf, header, SECTION_HEADER_SIZE) != null && elf.getInt((int) header + 4) == SHT_SYMTAB) {
                        // the table's offset and size may already be hostile: the symbol picked is
                        // one of its entries only where those lie inside the file
                        long symbols = Integer.toUnsignedLong(elf.getInt((int) header + 20)) / SYMBOL_SIZE;
                        long symbol = Integer.toUnsignedLong(elf.getInt((int) header + 16))
                                + (long) random.nextInt((int) Math.max(1, Math.min(symbols, Integer.MAX_VALUE))) * SYMBOL_SIZE;
                        int[][] fields = {{0, 4}, {4, 4}, {8, 4}, {12, 1}, {14, 2}};
                        int[] f = fields[random.nextInt(fields.length)];
                        return within(elf, symbol + f[0], f[1]);
                    }
                }
                return HEADER_FIELDS[random.nextInt(HEADER_FIELDS.length)];
            }
        }
    }

    /** The field (offset, width) when it lies in the file past the file header, else null; offsets are unsigned, in a long so that no sum wraps. */
    private static int[] within(ByteBuffer elf, long offset, int width) {
        return offset >= ELF_HEADER_SIZE && offset + width <= elf.capacity() ? new int[] {(int) offset, width} : null;
    }

    private static int hostileValue(Random random, ByteBuffer elf, int[] field) {
        int old = getField(elf, field[0], field[1]);
        return switch (random.nextInt(4)) {
            case 0 -> HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)];
            case 1 -> elf.capacity() + random.nextInt(9) - 4;   // just inside or past the end of the file
            case 2 -> old + random.nextInt(65) - 32;             // a little off
            default -> random.nextInt();
        };
    }

    private static int getField(ByteBuffer elf, int offset, int width) {
        return switch (width) {
            case 1 -> elf.get(offset);
            case 2 -> elf.getShort(offset);
            default -> elf.getInt(offset);
        };
    }

    private static void setField(ByteBuffer elf, int offset, int width, int value) {
        switch (width) {
            case 1 -> elf.put(offset, (byte) value);
            case 2 -> elf.putShort(offset, (short) value);
            default -> elf.putInt(offset, value);
        }
    }
}
