package com.syncledger.app.ledger;

import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.NotFoundException;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ad accounts linked to stores. Unlinking keeps the account's history; it only ends the link. */
@Repository
public class AdAccounts {

    private static final String COLUMNS =
            "id, store_id, platform, external_id, currency, time_zone, name, linked_at, connection_id";

    private final JdbcClient jdbc;
    private final Stores stores;

    public AdAccounts(JdbcClient jdbc, Stores stores) {
        this.jdbc = jdbc;
        this.stores = stores;
    }

    public AdAccount link(long storeId, AccountId account) {
        return link(storeId, account, null);
    }

    /**
     * Links {@code account} to the store, fetched with connection {@code connectionId} (null: the platform's
     * credentials from the environment). The caller checks the connection is of the account's platform.
     */
    public AdAccount link(long storeId, AccountId account, Long connectionId) {
        stores.get(storeId);
        try {
            return jdbc.sql("insert into ad_account (store_id, platform, external_id, connection_id) values (?, ?, ?, ?)"
                            + " returning " + COLUMNS)
                    .params(storeId, account.platform().slug(), account.value(), connectionId)
                    .query(AdAccounts::map).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(account.platform().displayName() + " account " + account.value()
                    + " is already linked to store " + storeId);
        }
    }

    public void unlink(long storeId, long accountId) {
        int updated = jdbc.sql("update ad_account set unlinked_at = now() where id = ? and store_id = ? and unlinked_at is null")
                .params(accountId, storeId).update();
        if (updated == 0) {
            stores.get(storeId);
            throw new NotFoundException("store " + storeId + " has no linked ad account " + accountId);
        }
    }

    /** Accounts currently linked to the store, in link order. */
    public List<AdAccount> linked(long storeId) {
        stores.get(storeId);
        return jdbc.sql("select " + COLUMNS + " from ad_account where store_id = ? and unlinked_at is null order by id")
                .param(storeId).query(AdAccounts::map).list();
    }

    /** The account by its id while it is linked to its store; empty once unlinked or when unknown. */
    public java.util.Optional<AdAccount> linkedById(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from ad_account where id = ? and unlinked_at is null")
                .param(accountId).query(AdAccounts::map).optional();
    }

    public List<AdAccount> allLinked() {
        return jdbc.sql("select " + COLUMNS + " from ad_account where unlinked_at is null order by id")
                .query(AdAccounts::map).list();
    }

    /** Whether the account's backfill has completed (see {@link #markBackfilled}). */
    boolean isBackfilled(long accountId) {
        return jdbc.sql("select backfilled_at is not null from ad_account where id = ?")
                .param(accountId).query(Boolean.class).single();
    }

    /** The account now holds everything its platform retains; later default syncs read the restatement window. */
    void markBackfilled(long accountId) {
        jdbc.sql("update ad_account set backfilled_at = now() where id = ? and backfilled_at is null")
                .param(accountId).update();
    }

    /** Records what the platform reported about the account. */
    void remember(long accountId, AccountInfo info) {
        jdbc.sql("update ad_account set currency = ?, time_zone = ?, name = ? where id = ?")
                .params(info.currency(), info.timeZone().getId(), info.name(), accountId).update();
    }

    private static AdAccount map(ResultSet rs, int row) throws SQLException {
        return new AdAccount(rs.getLong("id"), rs.getLong("store_id"), Platform.fromSlug(rs.getString("platform")),
                rs.getString("external_id"), rs.getString("currency"), rs.getString("time_zone"),
                rs.getString("name"), rs.getTimestamp("linked_at").toInstant(),
                rs.getObject("connection_id") == null ? null : rs.getLong("connection_id"));
    }
}
