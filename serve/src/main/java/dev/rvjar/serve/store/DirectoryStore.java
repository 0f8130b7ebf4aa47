package dev.rvjar.serve.store;

import dev.rvjar.lambda.AtomicFile;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

/**
 * The embedded store: a directory with {@code roms/ID.rom} (the uploaded bytes), {@code
 * roms/ID.limits} and {@code states/ID.state}. Every file is replaced atomically ({@link
 * AtomicFile}: a temporary file forced to disk, then renamed), and a state file carries a CRC-32 so
 * that damage from outside is reported rather than run. One writer per state is enforced by locks in
 * this process, so one directory serves one node; several nodes share a PostgreSQL store.
 */
public final class DirectoryStore implements Store {
    private static final int MAGIC = 0x5256_5331; // "RVS1"
    /** Lock striping: a bounded set of locks, a state always maps to the same one. */
    private static final int STRIPES = 1024;

    private final Path roms;
    private final Path states;
    private final long lockWaitMillis;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public DirectoryStore(Path directory, long lockWaitMillis) throws IOException {
        this.roms = Files.createDirectories(directory.resolve("roms"));
        this.states = Files.createDirectories(directory.resolve("states"));
        this.lockWaitMillis = lockWaitMillis;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    @Override
    public void putRom(StoredRom rom) throws IOException {
        Path file = roms.resolve(checkRom(rom.id()) + ".rom");
        if (!Files.exists(file)) {
            AtomicFile.write(file, ByteBuffer.wrap(rom.bytes()));
        }
        Properties limits = new Properties();
        if (rom.maxInstructions() != null) {
            limits.setProperty("max-instructions", rom.maxInstructions().toString());
        }
        if (rom.wallMillis() != null) {
            limits.setProperty("wall-ms", rom.wallMillis().toString());
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        limits.store(text, null);
        AtomicFile.write(roms.resolve(rom.id() + ".limits"), ByteBuffer.wrap(text.toByteArray()));
    }

    @Override
    public Optional<StoredRom> rom(String id) throws IOException {
        byte[] bytes = readIfExists(roms.resolve(checkRom(id) + ".rom"));
        if (bytes == null) {
            return Optional.empty();
        }
        Properties limits = new Properties();
        byte[] text = readIfExists(roms.resolve(id + ".limits"));
        if (text != null) {
            limits.load(new java.io.ByteArrayInputStream(text));
        }
        return Optional.of(new StoredRom(id, bytes, longOrNull(limits, "max-instructions"), longOrNull(limits, "wall-ms")));
    }

    @Override
    public void createState(String id, StateValue value) throws IOException {
        write(id, value);
    }

    @Override
    public Optional<StateValue> state(String id) throws IOException {
        byte[] bytes = readIfExists(stateFile(id));
        return bytes == null ? Optional.empty() : Optional.of(decode(id, bytes));
    }

    @Override
    public boolean deleteState(String id) throws IOException {
        ReentrantLock lock = lockFor(id);
        lock.lock();
        try {
            return Files.deleteIfExists(stateFile(id));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> Optional<T> update(String id, StateUpdate<T> update) throws Exception {
        ReentrantLock lock = lockFor(id);
        if (!lock.tryLock(lockWaitMillis, TimeUnit.MILLISECONDS)) {
            throw new StateBusyException("state " + id + " is busy");
        }
        try {
            Optional<StateValue> current = state(id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            StateUpdate.Change<T> change = update.apply(current.get());
            if (change.newValue() != null) {
                write(id, change.newValue());
            }
            return Optional.ofNullable(change.result());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        return "directory " + roms.getParent();
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }

    private void write(String id, StateValue value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(value.romId());
            out.writeLong(value.calls());
            out.writeInt(value.lastStatus());
            out.write(value.ram());
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        AtomicFile.write(stateFile(id), ByteBuffer.wrap(body), ByteBuffer.allocate(8).putLong(0, crc.getValue()));
    }

    private static StateValue decode(String id, byte[] bytes) throws IOException {
        if (bytes.length < 8) {
            throw new IOException("state " + id + " is damaged: " + bytes.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
            throw new IOException("state " + id + " is damaged: checksum mismatch");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("state " + id + " is not an rvjar state file");
            }
            String romId = in.readUTF();
            long calls = in.readLong();
            int lastStatus = in.readInt();
            return new StateValue(romId, in.readAllBytes(), calls, lastStatus);
        }
    }

    private Path stateFile(String id) {
        if (!Ids.isStateId(id)) {
            throw new IllegalArgumentException("not a state id: " + id);
        }
        return states.resolve(id + ".state");
    }

    private ReentrantLock lockFor(String id) {
        return locks[Math.floorMod(id.hashCode(), STRIPES)];
    }

    private static String checkRom(String id) {
        if (!Ids.isRomId(id)) {
            throw new IllegalArgumentException("not a ROM id: " + id);
        }
        return id;
    }

    private static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static Long longOrNull(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null ? null : Long.valueOf(value);
    }
}
