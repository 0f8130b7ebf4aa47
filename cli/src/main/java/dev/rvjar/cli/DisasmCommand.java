package dev.rvjar.cli;

import dev.rvjar.decode.AddressHints;
import dev.rvjar.decode.Decoder;
import dev.rvjar.decode.Disassembler;
import dev.rvjar.decode.Instruction;
import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.image.CodeSection;
import dev.rvjar.lambda.BadInputException;
import dev.rvjar.lambda.PathCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rvjar disasm ROM}: an objdump-like listing of the ROM's code. */
@Command(name = "disasm",
        mixinStandardHelpOptions = true,
        description = "Prints a listing of ROM's code in the style of riscv64-unknown-elf-objdump -d: "
                + "the executable sections of an ELF file, or the whole of a flat image.")
final class DisasmCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "ROM", description = "flat .bin or ELF file")
    Path rom;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(main.stdout, false, java.nio.charset.StandardCharsets.UTF_8);
        PrintStream err = main.stderr;
        try {
            PathCheck.rom(rom);
            RomImage image = RomImage.read(rom);
            AddressHints hints = new AddressHints(image.addressOf("__global_pointer$").orElse(null));
            if (image.isElf()) {
                out.printf("%n%s:     file format elf32-littleriscv%n%n", rom);
            }
            for (CodeSection section : image.codeSections()) {
                if (!section.name().isEmpty()) {
                    out.printf("%nDisassembly of section %s:%n", section.name());
                }
                list(out, image, section, hints);
            }
            out.flush();
            return 0;
        } catch (IOException | RomFormatException | BadInputException e) {
            return RomLoadFailure.report(e, rom, err);
        }
    }

    private static void list(PrintStream out, RomImage image, CodeSection section, AddressHints hints) {
        byte[] bytes = section.bytes();
        int[] symbolOffsets = image.symbolsByAddress().keySet().stream()
                .mapToInt(address -> address - section.address())
                .filter(offset -> offset >= 0 && offset < bytes.length).sorted().toArray();
        if (image.symbolAt(section.address()) == null && (symbolOffsets.length > 0 || image.describe(section.address()) != null)) {
            // objdump names a section start without a symbol after the section's first symbol, else the one before
            String name = symbolOffsets.length > 0
                    ? image.symbolAt(section.address() + symbolOffsets[0]) + "-0x" + Integer.toHexString(symbolOffsets[0])
                    : image.describe(section.address());
            out.printf("%n%08x <%s>:%n", section.address(), name);
        }
        // objdump drops four of the leading zeros of the section's end address when it has five or more
        String addressFormat = Integer.compareUnsigned(section.address() + bytes.length, 0x1000) < 0 ? "%4x" : "%8x";
        int offset = 0;
        while (offset + 2 <= bytes.length) {
            int pc = section.address() + offset;
            String symbol = image.symbolAt(pc);
            if (symbol != null) {
                out.printf("%n%08x <%s>:%n", pc, symbol);
            }
            int zeros = bytes[offset] == 0 ? zeroRun(bytes, offset, nextSymbol(symbolOffsets, offset, bytes.length)) : 0;
            if (zeros > 0) {
                out.println("\t...");
                offset += zeros;
                continue;
            }
            if (image.isDataAt(pc)) {
                offset += listData(out, image, bytes, offset, pc, addressFormat);
                continue;
            }
            int low = (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
            if (!Decoder.isCompressed(low) && offset + 4 > bytes.length) {
                break;
            }
            int bits = Decoder.isCompressed(low) ? low
                    : low | (bytes[offset + 2] & 0xFF) << 16 | (bytes[offset + 3] & 0xFF) << 24;
            Instruction in = Decoder.decode(bits);
            String raw = rawColumn(bits, in.length);
            Integer address = hints.after(in, pc);
            String comment = address == null ? "" : " # " + label(image, address);
            out.printf(addressFormat + ":\t%s\t%s%s%n", pc, raw, Disassembler.format(in, pc, image::describe), comment);
            offset += in.length;
        }
    }

    /**
     * Lists one chunk of data the assembler placed among instructions, as objdump does: a word, or
     * less where the data ends sooner (at the next mapping symbol or the section's end; 3 becomes 2).
     */
    private static int listData(PrintStream out, RomImage image, byte[] bytes, int offset, int pc, String addressFormat) {
        Integer change = image.nextMappingChange(pc);
        int length = Math.min(4, bytes.length - offset);
        if (change != null && Integer.compareUnsigned(change - pc, length) < 0) {
            length = change - pc;
        }
        length = length == 3 ? 2 : length;
        int value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        String directive = switch (length) {
            case 4 -> String.format(".word\t0x%08x", value);
            case 2 -> String.format(".short\t0x%04x", value);
            default -> String.format(".byte\t0x%02x", value);
        };
        out.printf(addressFormat + ":\t%s\t%s%n", pc, rawColumn(value, length), directive);
        return length;
    }

    /**
     * The raw-bytes column: the value, then the padding objdump gives a line of 8 octets shown in
     * chunks of this length (18 characters after a word, 20 after a halfword, 24 after a byte).
     */
    private static String rawColumn(int value, int length) {
        String hex = String.format("%0" + (2 * length) + "x", value & (int) ((1L << (8 * length)) - 1));
        return hex + " ".repeat(8 / length * (2 * length + 1) - hex.length());
    }

    /** Where the code after {@code offset} ends for objdump: at the next symbol or the section's end. */
    private static int nextSymbol(int[] symbolOffsets, int offset, int end) {
        int index = Arrays.binarySearch(symbolOffsets, offset + 1);
        int next = index >= 0 ? index : -index - 1;
        return next < symbolOffsets.length ? symbolOffsets[next] : end;
    }

    /**
     * How many zero bytes at {@code offset} objdump elides as {@code ...} (0 for none): runs of 8 or
     * more, or a run of 1 or 2 that reaches {@code stop}; a run followed by more code is cut to a
     * multiple of 4 so that it does not eat the start of an instruction.
     */
    private static int zeroRun(byte[] bytes, int offset, int stop) {
        int end = offset;
        while (end < stop && bytes[end] == 0) {
            end++;
        }
        int run = end - offset;
        if (run >= 8 || (end == stop && run > 0 && run < 3)) {
            return end == stop ? run : run & ~3;
        }
        return 0;
    }

    private static String label(RomImage image, int address) {
        String symbol = image.describe(address);
        return Integer.toHexString(address) + (symbol == null ? "" : " <" + symbol + ">");
    }
}
