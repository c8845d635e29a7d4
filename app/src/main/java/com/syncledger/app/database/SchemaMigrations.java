package com.syncledger.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Flyway migrations up, and our own rollback scripts down: each {@code db/migration/V<n>__x.sql} has a
 * {@code db/rollback/U<n>__x.sql} that undoes it. A rollback runs its script and removes the version
 * from Flyway's history in one transaction (PostgreSQL DDL is transactional). A rollback script may run an
 * earlier migration's script again ({@link #rollbackScript}).
 */
@Component
public class SchemaMigrations {

    private static final String MIGRATIONS = "classpath:db/migration";
    private static final Pattern RERUN = Pattern.compile("(?m)^-- rerun migration (\\d+)$");

    private final DataSource dataSource;

    public SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One line of {@code db status}. */
    public record Status(String version, String description, String state, String installedOn) {
    }

    public int migrate() {
        return flyway().migrate().migrationsExecuted;
    }

    /**
     * Applies pending migrations, after one query that finds the schema current in the usual case: every
     * command of the CLI calls this, and Flyway's own check (loading and validating every script) costs it
     * more than the command's work. {@code serve} migrates through Flyway, which also validates checksums.
     *
     * @return the number of migrations applied
     */
    public int migrateIfBehind() {
        return isCurrent() ? 0 : migrate();
    }

    /** Whether the applied migrations are exactly the bundled ones. */
    boolean isCurrent() {
        Set<MigrationVersion> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("select version from flyway_schema_history"
                        + " where success and version is not null")) {
            while (rs.next()) {
                applied.add(MigrationVersion.fromVersion(rs.getString(1)));
            }
        } catch (SQLException noHistoryYet) {
            return false;
        }
        return applied.equals(bundledVersions());
    }

    private static Set<MigrationVersion> bundledVersions() {
        try {
            Set<MigrationVersion> versions = new HashSet<>();
            for (Resource script : new PathMatchingResourcePatternResolver().getResources(MIGRATIONS + "/V*__*.sql")) {
                String name = script.getFilename();
                versions.add(MigrationVersion.fromVersion(name.substring(1, name.indexOf("__"))));
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies pending migrations up to and including {@code version}, no further. */
    public int migrateTo(String version) {
        return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).target(version).load()
                .migrate().migrationsExecuted;
    }

    /** The newest applied migration's version; empty on a database without migrations. */
    public java.util.Optional<String> currentVersion() {
        MigrationInfo current = flyway().info().current();
        return current == null || current.getVersion() == null ? java.util.Optional.empty()
                : java.util.Optional.of(current.getVersion().getVersion());
    }

    public List<Status> status() {
        return Arrays.stream(flyway().info().all())
                .map(i -> new Status(String.valueOf(i.getVersion()), i.getDescription(), i.getState().getDisplayName(),
                        i.getInstalledOn() == null ? "" : i.getInstalledOn().toInstant().toString()))
                .toList();
    }

    /**
     * Rolls back applied migrations newest first, down to (and excluding) {@code targetVersion};
     * {@code "0"} rolls back everything.
     *
     * @return the versions rolled back, newest first
     */
    public List<String> rollbackTo(String targetVersion) {
        List<MigrationInfo> applied = new ArrayList<>(Arrays.stream(flyway().info().applied())
                .filter(i -> i.getVersion() != null && i.getState() == MigrationState.SUCCESS)
                .toList());
        applied.sort(Comparator.comparing(MigrationInfo::getVersion).reversed());
        org.flywaydb.core.api.MigrationVersion target = org.flywaydb.core.api.MigrationVersion.fromVersion(targetVersion);
        List<String> rolledBack = new ArrayList<>();
        for (MigrationInfo migration : applied) {
            if (migration.getVersion().compareTo(target) <= 0) {
                break;
            }
            rollback(migration);
            rolledBack.add(migration.getVersion().getVersion());
        }
        return rolledBack;
    }

    /** Rolls back the newest applied migration only. */
    public List<String> rollbackLatest() {
        MigrationInfo current = flyway().info().current();
        if (current == null || current.getVersion() == null) {
            return List.of();
        }
        MigrationInfo[] applied = flyway().info().applied();
        String previous = Arrays.stream(applied)
                .filter(i -> i.getVersion() != null && i.getVersion().compareTo(current.getVersion()) < 0)
                .map(i -> i.getVersion().getVersion())
                .reduce((a, b) -> b)
                .orElse("0");
        return rollbackTo(previous);
    }

    private void rollback(MigrationInfo migration) {
        String script = rollbackScript(migration.getVersion().getVersion());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
            jdbc.execute(script);
            jdbc.update("delete from flyway_schema_history where version = ?", migration.getVersion().getVersion());
        });
    }

    /**
     * The rollback script of {@code version}, each {@code -- rerun migration <n>} line replaced by the script of
     * migration n: a rollback that must bring back what earlier migrations made (a view one replaced) runs their
     * scripts again rather than keeping a copy of them.
     *
     * @throws IllegalStateException when it has none
     */
    public static String rollbackScript(String version) {
        String script = script("rollback", "U", version);
        return RERUN.matcher(script).replaceAll(line -> Matcher.quoteReplacement(
                script("migration", "V", line.group(1))));
    }

    /** The script {@code db/<folder>/<prefix><version>__*.sql}. */
    private static String script(String folder, String prefix, String version) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/" + folder + "/" + prefix + "*.sql")) {
                String name = resource.getFilename();
                if (name != null && name.startsWith(prefix + version + "__")) {
                    return resource.getContentAsString(StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("migration " + version + " has no " + folder + " script db/" + folder + "/"
                + prefix + version + "__*.sql");
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load();
    }
}
