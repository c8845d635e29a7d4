package com.syncledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

class SchemaMigrationsTest {

    private JdbcTemplate jdbc;
    private SchemaMigrations migrations;

    @BeforeEach
    void freshDatabase() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        jdbc = new JdbcTemplate(db.dataSource());
        migrations = new SchemaMigrations(db.dataSource());
    }

    private static org.springframework.core.io.Resource[] migrationFiles() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The highest version among the migration files (versions may skip a number while a branch is open). */
    private static String newestVersion() {
        return java.util.Arrays.stream(migrationFiles()).map(f -> f.getFilename())
                .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                .max(Integer::compare).map(String::valueOf).orElseThrow();
    }

    private List<String> objects() {
        return jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relname not like 'flyway_schema_history%'
                union all
                select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
                order by 1""", String.class);
    }

    @Test
    void migratesUpRollsBackToAnEmptySchemaAndMigratesUpAgain() {
        int all = migrationFiles().length;
        assertThat(migrations.migrate()).isEqualTo(all);
        List<String> full = objects();
        assertThat(full).contains("store", "ad_account", "spend_day", "spend_version", "sync_run", "baseline",
                "baseline_amount", "ledger_entry", "platform_spend_summary");

        assertThat(migrations.rollbackTo("0")).hasSize(all).first().isEqualTo(newestVersion());
        assertThat(objects()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version is not null",
                Integer.class)).isZero();

        assertThat(migrations.migrate()).isEqualTo(all);
        assertThat(objects()).isEqualTo(full);
    }

    @Test
    void rollbackLatestUndoesOnlyTheNewestMigration() {
        migrations.migrate();
        String newest = newestVersion();
        assertThat(migrations.rollbackLatest()).containsExactly(newest);
        assertThat(migrations.status()).filteredOn(s -> s.version().equals(newest))
                .singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("Pending"));
        assertThat(objects()).contains("store", "platform_spend_summary");
    }

    @Test
    void everyMigrationHasARollbackScript() {
        var migrationFiles = migrationFiles();
        assertThat(migrationFiles).isNotEmpty();
        for (var file : migrationFiles) {
            String version = file.getFilename().substring(1, file.getFilename().indexOf("__"));
            assertThat(SchemaMigrations.rollbackScript(version)).isNotBlank();
        }
    }

    @Test
    void theDatabaseKeepsABaselineTotalEqualToItsParts() {
        migrations.migrate();
        long store = jdbc.queryForObject(
                "insert into store (name, time_zone, billing_currency) values ('s', 'UTC', 'USD') returning id", Long.class);
        long baseline = jdbc.queryForObject("insert into baseline (store_id, range_from, range_to) "
                + "values (?, date '2026-01-01', date '2026-01-31') returning id", Long.class, store);
        jdbc.update("insert into baseline_amount (baseline_id, currency, meta_micros, google_micros, reddit_micros) "
                + "values (?, 'USD', 1000000, 2500000, 1)", baseline);
        assertThat(total(baseline)).isEqualTo(3_500_001L);

        jdbc.update("update baseline_amount set google_micros = 500000 where baseline_id = ?", baseline);
        assertThat(total(baseline)).isEqualTo(1_500_001L);

        assertThatThrownBy(() -> jdbc.update("update baseline_amount set total_micros = 42 where baseline_id = ?", baseline))
                .isInstanceOf(org.springframework.jdbc.BadSqlGrammarException.class)
                .hasMessageContaining("total_micros");
    }

    @Test
    void theDatabaseRejectsAMalformedAccountIdForItsPlatform() {
        migrations.migrate();
        long store = jdbc.queryForObject(
                "insert into store (name, time_zone, billing_currency) values ('s', 'UTC', 'USD') returning id", Long.class);
        assertThatThrownBy(() -> jdbc.update(
                "insert into ad_account (store_id, platform, external_id) values (?, 'google', '123-456-7890')", store))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "insert into ad_account (store_id, platform, external_id) values (?, 'myspace', '1')", store))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("select count(*) from ad_account", Integer.class)).isZero();
    }

    private long total(long baseline) {
        return jdbc.queryForObject("select total_micros from baseline_amount where baseline_id = ?", Long.class, baseline);
    }
}
