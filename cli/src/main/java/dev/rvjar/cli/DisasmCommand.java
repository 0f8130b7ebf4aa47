package dev.rvjar.cli;

import dev.rvjar.decode.AddressHints;
import dev.rvjar.decode.Decoder;
import dev.rvjar.decode.Disassembler;
import dev.rvjar.decode.Instruction;
import dev.rvjar.image.RomFormatException;
import dev.rvjar.image.RomImage;
import dev.rvjar.lambda.ExitCodes;
import dev.rvjar.image.Segment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rvjar disasm ROM}: an objdump-like listing of the ROM's code. */
@Command(name = "disasm",
        mixinStandardHelpOptions = true,
        description = "Prints a listing of ROM's executable bytes in the style of riscv64-unknown-elf-objdump -d.")
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
            RomImage image = RomImage.read(rom);
            AddressHints hints = new AddressHints(image.addressOf("__global_pointer$").orElse(null));
            for (Segment segment : image.segments()) {
                if (segment.executable()) {
                    list(out, image, segment, hints);
                }
            }
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("rvjar: ROM file " + rom + " does not exist");
            return ExitCodes.BAD_INPUT;
        } catch (RomFormatException e) {
            err.println("rvjar: " + rom + ": " + e.getMessage());
            return ExitCodes.BAD_ROM;
        } catch (IOException e) {
            err.println("rvjar: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private static void list(PrintStream out, RomImage image, Segment segment, AddressHints hints) {
        byte[] bytes = segment.bytes();
        int offset = 0;
        while (offset + 2 <= bytes.length) {
            int pc = segment.address() + offset;
            String symbol = image.symbolAt(pc);
            if (symbol != null) {
                out.printf("%n%08x <%s>:%n", pc, symbol);
            }
            int low = (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
            if (!Decoder.isCompressed(low) && offset + 4 > bytes.length) {
                break;
            }
            int bits = Decoder.isCompressed(low) ? low
                    : low | (bytes[offset + 2] & 0xFF) << 16 | (bytes[offset + 3] & 0xFF) << 24;
            Instruction in = Decoder.decode(bits);
            String raw = in.isCompressed() ? String.format("%04x", bits) : String.format("%08x", bits);
            Integer address = hints.after(in, pc);
            String comment = address == null ? "" : " # " + label(image, address);
            out.printf("%8x:\t%-20s\t%s%s%n", pc, raw, Disassembler.format(in, pc, image::describe), comment);
            offset += in.length;
        }
    }

    private static String label(RomImage image, int address) {
        String symbol = image.describe(address);
        return Integer.toHexString(address) + (symbol == null ? "" : " <" + symbol + ">");
    }
}
