package dev.rvjar.serve.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of JDBC connections, opened on demand: it bounds the state reads and commits in
 * flight (a stateful call holds its connection and row lock while its guest runs). A connection
 * that failed is closed and replaced rather than handed out again.
 */
final class ConnectionPool implements AutoCloseable {
    private final String url;
    private final BlockingQueue<Connection> idle;
    private final java.util.concurrent.Semaphore permits;

    ConnectionPool(String url, int size) {
        this.url = url;
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new java.util.concurrent.Semaphore(size, true);
    }

    /** Runs {@code work} on a connection of the pool (autocommit on when it starts). */
    <T> T with(Work<T> work) throws SQLException, InterruptedException {
        if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new SQLException("no database connection free for 60 s");
        }
        Connection connection = idle.poll();
        boolean healthy = false;
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(url);
            }
            T result = work.run(connection);
            healthy = true;
            return result;
        } finally {
            if (connection != null) {
                if (healthy && connection.getAutoCommit()) {
                    idle.add(connection);
                } else {
                    connection.close();
                }
            }
            permits.release();
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, InterruptedException;
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing at shutdown: nothing left to do with it
            }
        }
    }
}
