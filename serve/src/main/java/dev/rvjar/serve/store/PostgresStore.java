package dev.rvjar.serve.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * ROMs and states in PostgreSQL, shared by every node that uses the same database. One writer per
 * state is the row lock of {@code SELECT ... FOR UPDATE}, held by the transaction that runs the call
 * and writes the new RAM: another node's call on the same state waits for it (up to the lock
 * timeout), and a state is old or new because the transaction commits or not.
 */
public final class PostgresStore implements Store {
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private final String url;
    private final ConnectionPool pool;
    private final long lockWaitMillis;

    public PostgresStore(String url, int connections, long lockWaitMillis) throws IOException {
        this.url = url;
        this.pool = new ConnectionPool(url, connections);
        this.lockWaitMillis = lockWaitMillis;
        sql(connection -> {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                // Two nodes starting at once must not both create the tables.
                s.execute("SELECT pg_advisory_xact_lock(5391234)");
                s.execute("CREATE TABLE IF NOT EXISTS rvjar_roms (id text PRIMARY KEY, bytes bytea NOT NULL,"
                        + " max_instructions bigint, wall_ms bigint)");
                s.execute("CREATE TABLE IF NOT EXISTS rvjar_states (id text PRIMARY KEY, rom text NOT NULL REFERENCES rvjar_roms(id),"
                        + " ram bytea NOT NULL, calls bigint NOT NULL, last_status integer NOT NULL)");
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        });
    }

    @Override
    public void putRom(StoredRom rom) throws IOException {
        sql(connection -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO rvjar_roms VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET max_instructions = EXCLUDED.max_instructions, wall_ms = EXCLUDED.wall_ms")) {
                s.setString(1, rom.id());
                s.setBytes(2, rom.bytes());
                s.setObject(3, rom.maxInstructions(), java.sql.Types.BIGINT);
                s.setObject(4, rom.wallMillis(), java.sql.Types.BIGINT);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<StoredRom> rom(String id) throws IOException {
        return sql(connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT bytes, max_instructions, wall_ms FROM rvjar_roms WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next()
                            ? Optional.of(new StoredRom(id, r.getBytes(1), r.getObject(2, Long.class), r.getObject(3, Long.class)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void createState(String id, StateValue value) throws IOException {
        sql(connection -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO rvjar_states VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, value.romId());
                s.setBytes(3, value.ram());
                s.setLong(4, value.calls());
                s.setInt(5, value.lastStatus());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<StateValue> state(String id) throws IOException {
        return sql(connection -> read(connection, id, ""));
    }

    @Override
    public boolean deleteState(String id) throws IOException {
        return sql(connection -> {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM rvjar_states WHERE id = ?")) {
                s.setString(1, id);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public <T> Optional<T> update(String id, StateUpdate<T> update) throws Exception {
        try {
            return pool.with(connection -> {
                connection.setAutoCommit(false);
                try {
                    try (Statement s = connection.createStatement()) {
                        s.execute("SET LOCAL lock_timeout = " + lockWaitMillis);
                    }
                    Optional<StateValue> current = read(connection, id, " FOR UPDATE");
                    if (current.isEmpty()) {
                        connection.rollback();
                        return Optional.<T>empty();
                    }
                    StateUpdate.Change<T> change;
                    try {
                        change = update.apply(current.get());
                    } catch (SQLException | InterruptedException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new SQLException(e);
                    }
                    if (change.newValue() != null) {
                        try (PreparedStatement s = connection.prepareStatement(
                                "UPDATE rvjar_states SET ram = ?, calls = ?, last_status = ? WHERE id = ?")) {
                            s.setBytes(1, change.newValue().ram());
                            s.setLong(2, change.newValue().calls());
                            s.setInt(3, change.newValue().lastStatus());
                            s.setString(4, id);
                            s.executeUpdate();
                        }
                    }
                    connection.commit();
                    return Optional.ofNullable(change.result());
                } catch (SQLException | RuntimeException | InterruptedException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            });
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new StateBusyException("state " + id + " is busy on another node");
            }
            throw new IOException("database: " + e.getMessage(), e);
        }
    }

    private static Optional<StateValue> read(Connection connection, String id, String lock) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT rom, ram, calls, last_status FROM rvjar_states WHERE id = ?" + lock)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StateValue(r.getString(1), r.getBytes(2), r.getLong(3), r.getInt(4)));
            }
        }
    }

    @Override
    public String describe() {
        return "PostgreSQL " + url.replaceAll("password=[^&]*", "password=...");
    }

    @Override
    public void close() {
        pool.close();
    }

    private <T> T sql(ConnectionPool.Work<T> work) throws IOException {
        try {
            return pool.with(work);
        } catch (SQLException e) {
            throw new IOException("database: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the database", e);
        }
    }
}
