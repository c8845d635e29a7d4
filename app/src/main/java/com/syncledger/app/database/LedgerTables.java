package com.syncledger.app.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger's tables as the catalog describes them: every table of the current schema but Flyway's
 * history, parents before the tables that reference them, each with the columns that hold data (generated
 * columns are computed again on load).
 */
record LedgerTables(List<Table> tables, List<String> materializedViews) {

    record Table(String name, List<String> columns) {

        String columnList() {
            return String.join(", ", columns.stream().map(LedgerTables::quote).toList());
        }
    }

    static LedgerTables read(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : strings(connection, """
                select c.relname from pg_class c
                where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
                  and c.relname <> 'flyway_schema_history' and not c.relispartition
                order by c.relname""")) {
            parents.put(table, new LinkedHashSet<>());
        }
        try (PreparedStatement fks = connection.prepareStatement("""
                select c.relname, p.relname from pg_constraint k
                join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
                where k.contype = 'f' and k.connamespace = current_schema()::regnamespace""");
                ResultSet rs = fks.executeQuery()) {
            while (rs.next()) {
                if (parents.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < parents.size()) {
            int before = placed.size();
            for (var table : parents.entrySet()) {
                if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
                    placed.add(table.getKey());
                    ordered.add(new Table(table.getKey(), columns(connection, table.getKey())));
                }
            }
            if (placed.size() == before) {
                throw new IllegalStateException("the tables' foreign keys form a cycle: cannot order them");
            }
        }
        List<String> views = strings(connection, """
                select relname from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'm'
                order by relname""");
        return new LedgerTables(List.copyOf(ordered), views);
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select attname from pg_attribute
                where attrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass
                  and attnum > 0 and not attisdropped and attgenerated = ''
                order by attnum""")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
