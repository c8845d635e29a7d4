package com.syncledger.app.database;

import com.syncledger.app.database.EmbeddedPostgresServer.Durability;
import com.syncledger.connectors.wire.Pause;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one SyncLedger home, run as a background process that outlives the command that
 * started it: the next command finds it and connects at once instead of starting a server each time (seconds).
 * {@code db stop} stops it.
 *
 * <p>Files in the home: {@code pgdata/} the data; {@code postgres.pid} the pid and port of the running server,
 * removed when it stops; {@code postgres.lock} an OS lock held only while a process starts or stops the server
 * (the OS releases it when its holder dies, so it is never stale); {@code postgres.log} the server's log.
 * A pid file that names no running server of this data directory (after a crash or {@code kill -9}) is stale:
 * the server is started again and PostgreSQL recovers from its write-ahead log, as after a power cut.
 *
 * <p>The server runs with the durable settings ({@link Durability#DURABLE}). {@code pg_ctl} starts it in a
 * session of its own, so Ctrl-C on the command that started it does not stop it.
 */
public final class BackgroundPostgres {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPostgres.class);
    /** An OS file lock excludes other processes only; threads of this one are excluded here. */
    private static final Object THIS_PROCESS = new Object();
    private static final int START_ATTEMPTS = 20;
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(500);

    private final Path home;

    private BackgroundPostgres(Path home) {
        this.home = home.toAbsolutePath();
    }

    public static BackgroundPostgres of(Path home) {
        return new BackgroundPostgres(home);
    }

    /** A running server: its postmaster's pid and the port it listens on (localhost). */
    public record Running(long pid, int port) {

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres";
        }
    }

    public Path dataDirectory() {
        return home.resolve("pgdata");
    }

    public Path pidFile() {
        return home.resolve("postgres.pid");
    }

    public Path lockFile() {
        return home.resolve("postgres.lock");
    }

    public Path logFile() {
        return home.resolve("postgres.log");
    }

    /** The running server named by the pid file, if that server is alive and serves this data directory. */
    public Optional<Running> running() {
        Optional<Running> recorded = recorded();
        return recorded.filter(r -> ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false)
                && postmasterPid().map(pid -> pid == r.pid()).orElse(false));
    }

    /** The running server, started first when there is none (or only a stale pid file). */
    public Running findOrStart() {
        Optional<Running> running = running();
        if (running.isPresent()) {
            return running.get();
        }
        return underLock(() -> running().orElseGet(this::start));
    }

    /** Stops the server: fast shutdown, open transactions rolled back. @return whether one was running */
    public boolean stop() {
        return underLock(() -> {
            Optional<Running> running = running();
            if (running.isEmpty()) {
                deleteQuietly(pidFile());
                return false;
            }
            stop(running.get());
            deleteQuietly(pidFile());
            return true;
        });
    }

    /**
     * How many other clients are connected to the running server, e.g. a {@code serve}; each is a
     * connection, so one service may count several.
     */
    public static int otherClients(Running running) {
        Properties user = new Properties();
        user.setProperty("user", "postgres");
        try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), user);
                Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("select count(*) from pg_stat_activity"
                        + " where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database server on port " + running.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private Running start() {
        try {
            Files.createDirectories(home);
            Path postgres = initialisedBinaries();
            int port = freePort();
            List<String> command = List.of(postgres.resolveSibling("pg_ctl").toString(), "-D",
                    dataDirectory().toString(), "-l", logFile().toString(), "-w", "-t", "120", "-o",
                    serverOptions(port), "start");
            for (int attempt = 1; ; attempt++) {
                int exit = run(command);
                if (exit == 0) {
                    break;
                }
                // After a kill -9 the old server's processes may hold its shared memory for a moment.
                if (attempt == START_ATTEMPTS) {
                    throw new IllegalStateException("cannot start the embedded PostgreSQL with data in "
                            + dataDirectory() + " (pg_ctl exit " + exit + "); its log: " + logFile());
                }
                sleep(BETWEEN_ATTEMPTS);
            }
            long pid = postmasterPid().orElseThrow(() -> new IllegalStateException(
                    "the embedded PostgreSQL started but wrote no postmaster.pid in " + dataDirectory()));
            Running running = new Running(pid, port);
            writePidFile(running);
            log.info("embedded PostgreSQL started in the background: data={} port={} pid={}", dataDirectory(), port,
                    pid);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL with data in " + dataDirectory(), e);
        }
    }

    private void stop(Running running) {
        Optional<Path> postgres = recordedBinary().filter(Files::isExecutable);
        if (postgres.isPresent()) {
            int exit = run(List.of(postgres.get().resolveSibling("pg_ctl").toString(), "-D",
                    dataDirectory().toString(), "-m", "fast", "-w", "-t", "120", "stop"));
            if (exit != 0 && ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("pg_ctl could not stop the embedded PostgreSQL (exit " + exit
                        + "); its log: " + logFile());
            }
        } else {
            // The binaries were removed (e.g. a cleaned /tmp): SIGTERM asks for a smart shutdown.
            ProcessHandle.of(running.pid()).ifPresent(process -> {
                process.destroy();
                process.onExit().orTimeout(120, TimeUnit.SECONDS).join();
            });
        }
        log.info("embedded PostgreSQL stopped: data={} pid={}", dataDirectory(), running.pid());
    }

    /**
     * The server binary, ready with an initialised data directory. The library extracts the binaries and runs
     * initdb on its first start; its postmaster.opts then names the binary for every later start with pg_ctl.
     */
    private Path initialisedBinaries() {
        Optional<Path> binary = recordedBinary().filter(Files::isExecutable);
        if (binary.isPresent() && Files.exists(dataDirectory().resolve("PG_VERSION"))) {
            return binary.get();
        }
        EmbeddedPostgresServer.start(dataDirectory(), Durability.DURABLE, 0).close();
        return recordedBinary().filter(Files::isExecutable).orElseThrow(() -> new IllegalStateException(
                "the embedded PostgreSQL left no postmaster.opts naming its binary in " + dataDirectory()));
    }

    private static String serverOptions(int port) {
        List<String> options = new ArrayList<>(List.of("-p " + port, "-c listen_addresses=localhost",
                "-c timezone=UTC", "-c max_connections=300"));
        Durability.DURABLE.settings().forEach((name, value) -> options.add("-c " + name + "=" + value));
        return String.join(" ", options);
    }

    /** The first word of postmaster.opts: the postgres binary the server was last started with. */
    private Optional<Path> recordedBinary() {
        Path opts = dataDirectory().resolve("postmaster.opts");
        try {
            if (!Files.exists(opts)) {
                return Optional.empty();
            }
            String line = Files.readString(opts).strip();
            String first = line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.split("\\s+")[0];
            return Optional.of(Path.of(first));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** PostgreSQL's own lock file: its first line is the postmaster's pid; removed on a clean shutdown. */
    private Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory().resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Running> recorded() {
        try {
            String[] words = Files.readString(pidFile()).strip().split("\\s+");
            return Optional.of(new Running(Long.parseLong(words[0]), Integer.parseInt(words[1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void writePidFile(Running running) throws IOException {
        Path temp = home.resolve("postgres.pid.tmp");
        Files.writeString(temp, running.pid() + " " + running.port() + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, pidFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private <T> T underLock(java.util.function.Supplier<T> work) {
        synchronized (THIS_PROCESS) {
            try {
                Files.createDirectories(home);
                try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile(), e);
            }
        }
    }

    private int run(List<String> command) {
        List<String> asUser = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; as the library does, run it in a user namespace of its own.
            asUser.addAll(List.of("unshare", "-U"));
        }
        asUser.addAll(command);
        try {
            Process process = new ProcessBuilder(asUser).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        Pause.sleep(duration, e -> new IllegalStateException("interrupted while starting the embedded PostgreSQL", e));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }
}
