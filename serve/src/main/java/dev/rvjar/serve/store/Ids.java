package dev.rvjar.serve.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** ROM ids (the SHA-256 of the bytes) and state ids (128 random bits), both lowercase hex. */
public final class Ids {
    private static final Pattern ROM = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern STATE = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String romId(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String newStateId() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    public static boolean isRomId(String s) {
        return ROM.matcher(s).matches();
    }

    public static boolean isStateId(String s) {
        return STATE.matcher(s).matches();
    }
}
