package dev.rvjar.translated;

import dev.rvjar.lambda.LambdaCall;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What a precompiled jar says about its program ({@code rvjar/program.properties}): the ROM file's
 * name, whether it runs in strict RV32E mode, its default instruction limit and the rvjar that
 * compiled it. Written by hand rather than with {@link Properties#store}, whose date comment would
 * make the jar differ from one compile to the next.
 *
 * @param romName the ROM file's name, used in messages
 * @param maxInstructions the instruction limit of a call that does not give {@code --max-instructions}
 * @param compiledBy the version line of the rvjar that compiled it
 */
public record ProgramProperties(String romName, boolean rv32e, long maxInstructions, String compiledBy) {
    /** Reads them; a jar from before a property existed gets its old meaning. */
    static ProgramProperties read(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        long limit;
        try {
            limit = Long.parseLong(properties.getProperty("maxInstructions", Long.toString(LambdaCall.DEFAULT_MAX_INSTRUCTIONS)));
        } catch (NumberFormatException e) {
            throw new IOException("not a precompiled rvjar program: bad maxInstructions in " + PrecompiledProgram.PROPERTIES);
        }
        return new ProgramProperties(properties.getProperty("rom", "rom"), Boolean.parseBoolean(properties.getProperty("rv32e")),
                limit, properties.getProperty("compiledBy", "rvjar"));
    }

    /** The file's bytes: one property a line, in a fixed order. */
    public byte[] bytes() {
        return ("rom=" + escape(romName) + "\nrv32e=" + rv32e + "\nmaxInstructions=" + maxInstructions
                + "\ncompiledBy=" + escape(compiledBy) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c > 0x7E || c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
