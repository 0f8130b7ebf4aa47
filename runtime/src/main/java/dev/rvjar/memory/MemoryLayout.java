package dev.rvjar.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A memory map: named regions with a base, a size and access rights, from which a machine gets
 * fresh zeroed {@link Region}s. The contract's microcontroller map is {@link McuLayout#LAYOUT};
 * other programs (the official riscv-tests, linked at {@code 0x80000000}) bring their own.
 *
 * <p>Text form, for command lines: comma-separated {@code name@base:size:rights}, e.g.
 * {@code ram@0x80000000:4M:rwx}; the size takes a K or M suffix, rights are some of {@code rwx}.
 */
public record MemoryLayout(List<Spec> specs) {
    /** One region of the map. */
    public record Spec(String name, int base, int size, boolean readable, boolean writable, boolean executable) {
        Region create() {
            return new Region(name, base, size, readable, writable, executable);
        }
    }

    public MemoryLayout {
        specs = List.copyOf(specs);
    }

    public static MemoryLayout of(Spec... specs) {
        return new MemoryLayout(List.of(specs));
    }

    /** Fresh, zeroed regions for one machine. */
    public List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        for (Spec spec : specs) {
            regions.add(spec.create());
        }
        return regions;
    }

    /** Parses the text form described above. */
    public static MemoryLayout parse(String text) {
        List<Spec> specs = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] fields = part.trim().split("[@:]");
            if (fields.length != 4) {
                throw new IllegalArgumentException("region '" + part + "' is not name@base:size:rights");
            }
            String rights = fields[3].toLowerCase(Locale.ROOT);
            if (!rights.matches("r?w?x?")) {
                throw new IllegalArgumentException("rights '" + fields[3] + "' are not some of rwx");
            }
            specs.add(new Spec(fields[0], (int) number(fields[1]), (int) size(fields[2]),
                    rights.contains("r"), rights.contains("w"), rights.contains("x")));
        }
        return new MemoryLayout(specs);
    }

    private static long size(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.endsWith("K")) {
            return number(upper.substring(0, upper.length() - 1)) << 10;
        }
        if (upper.endsWith("M")) {
            return number(upper.substring(0, upper.length() - 1)) << 20;
        }
        return number(text);
    }

    private static long number(String text) {
        return text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    }
}
