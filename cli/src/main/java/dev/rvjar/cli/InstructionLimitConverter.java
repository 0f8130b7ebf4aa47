package dev.rvjar.cli;

import dev.rvjar.lambda.CallOptions;
import picocli.CommandLine;

/** Reads {@code --max-instructions} as precompiled jars read it, so both refuse the same values with the same words. */
final class InstructionLimitConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return CallOptions.instructionLimit(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
