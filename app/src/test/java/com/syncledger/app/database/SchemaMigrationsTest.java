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

    /** Tables' columns, constraints, indexes and views, each as one line: what a migration makes. */
    private static List<String> schema(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                from information_schema.columns where table_schema = 'public' and table_name not like 'flyway%'
                union all
                select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                from pg_constraint where connamespace = 'public'::regnamespace
                union all
                select 'index ' || indexdef from pg_indexes where schemaname = 'public' and tablename not like 'flyway%'
                union all
                select 'view ' || viewname || ' ' || definition from pg_views where schemaname = 'public'
                union all
                select 'materialized view ' || matviewname || ' ' || definition from pg_matviews where schemaname = 'public'
                order by 1""", String.class);
    }

    @Test
    void aRollbackLeavesTheSchemaTheEarlierMigrationsMadeAlsoWhereItRerunsThem() {
        // U4 reruns V2's script, U8 those of V2 and V4: rolled back to 3 and to 7, the schema is as migrating
        // only that far makes it.
        for (String version : List.of("7", "3")) {
            TestDatabase.Fresh reference = TestDatabase.fresh();
            org.flywaydb.core.Flyway.configure().dataSource(reference.dataSource()).locations("classpath:db/migration")
                    .target(version).load().migrate();
            List<String> expected = schema(new JdbcTemplate(reference.dataSource()));
            assertThat(expected).anyMatch(line -> line.startsWith("materialized view platform_spend_summary"));

            migrations.migrate();
            migrations.rollbackTo(version);
            assertThat(schema(jdbc)).as("rolled back to " + version).isEqualTo(expected);
        }
        assertThat(SchemaMigrations.rollbackScript("8")).doesNotContain("-- rerun migration")
                .contains(migrationScript("2"), migrationScript("4"));
    }

    private static String migrationScript(String version) {
        try {
            return java.util.Arrays.stream(migrationFiles()).filter(f -> f.getFilename().startsWith("V" + version + "__"))
                    .findFirst().orElseThrow().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
