package com.syncledger.app.ledger;

import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores: create, read, list, update. */
@Repository
public class Stores {

    private final JdbcClient jdbc;

    public Stores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Store create(StoreInput input) {
        StoreInput store = input.validated();
        try {
            return jdbc.sql("""
                    insert into store (name, time_zone, billing_currency) values (?, ?, ?)
                    returning id, name, time_zone, billing_currency, created_at, updated_at""")
                    .params(store.name(), store.timeZone(), store.billingCurrency())
                    .query(Stores::map).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a store named '" + store.name() + "' already exists");
        }
    }

    public Store update(long id, StoreInput input) {
        StoreInput store = input.validated();
        try {
            return jdbc.sql("""
                    update store set name = ?, time_zone = ?, billing_currency = ?, updated_at = now() where id = ?
                    returning id, name, time_zone, billing_currency, created_at, updated_at""")
                    .params(store.name(), store.timeZone(), store.billingCurrency(), id)
                    .query(Stores::map).optional()
                    .orElseThrow(() -> notFound(id));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a store named '" + store.name() + "' already exists");
        }
    }

    public Store get(long id) {
        return jdbc.sql("select id, name, time_zone, billing_currency, created_at, updated_at from store where id = ?")
                .param(id).query(Stores::map).optional()
                .orElseThrow(() -> notFound(id));
    }

    /** The store, its row locked until the transaction ends: serialises one store's billing writes. */
    public Store lockForUpdate(long id) {
        return jdbc.sql("select id, name, time_zone, billing_currency, created_at, updated_at from store where id = ? "
                        + "for update")
                .param(id).query(Stores::map).optional()
                .orElseThrow(() -> notFound(id));
    }

    public List<Store> list(int offset, int limit) {
        return jdbc.sql("""
                select id, name, time_zone, billing_currency, created_at, updated_at from store
                order by id offset ? limit ?""")
                .params(offset, limit).query(Stores::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from store").query(Long.class).single();
    }

    public static NotFoundException notFound(long id) {
        return new NotFoundException("store " + id + " does not exist");
    }

    private static Store map(ResultSet rs, int row) throws SQLException {
        return new Store(rs.getLong("id"), rs.getString("name"), rs.getString("time_zone"),
                rs.getString("billing_currency"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
