package com.syncledger.app.ledger;

import com.syncledger.app.problem.ConflictException;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Revenue and adjustment entries, recorded once per caller-supplied external id. */
@Repository
public class LedgerEntries {

    /** The entry, and whether this call recorded it (false: the same external id was recorded before). */
    public record Recorded(LedgerEntry entry, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Stores stores;

    public LedgerEntries(JdbcClient jdbc, Stores stores) {
        this.jdbc = jdbc;
        this.stores = stores;
    }

    /**
     * Records the entry unless one with the same external id exists. Sending the same entry twice
     * records it once; sending different content under an existing id is a conflict.
     */
    @Transactional
    public Recorded record(long storeId, LedgerEntryInput input) {
        LedgerEntryInput.Valid entry = input.validated();
        stores.get(storeId);
        var inserted = jdbc.sql("""
                insert into ledger_entry (store_id, external_id, kind, entry_date, amount_micros, currency, platform,
                                          platform_campaign_id, description)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (store_id, external_id) do nothing
                returning *""")
                .params(storeId, entry.externalId(), entry.kind().slug(), entry.date(), entry.amount().micros(),
                        entry.amount().currency(), entry.platform() == null ? null : entry.platform().slug(),
                        entry.platformCampaignId(), entry.description())
                .query(LedgerEntries::map).optional();
        if (inserted.isPresent()) {
            return new Recorded(inserted.get(), true);
        }
        LedgerEntry existing = jdbc.sql("select * from ledger_entry where store_id = ? and external_id = ?")
                .params(storeId, entry.externalId()).query(LedgerEntries::map).single();
        if (!sameContent(existing, entry)) {
            throw new ConflictException("ledger entry '" + entry.externalId()
                    + "' was already recorded with different content");
        }
        return new Recorded(existing, false);
    }

    public List<LedgerEntry> list(long storeId, int offset, int limit) {
        stores.get(storeId);
        return jdbc.sql("select * from ledger_entry where store_id = ? order by entry_date, id offset ? limit ?")
                .params(storeId, offset, limit).query(LedgerEntries::map).list();
    }

    private static boolean sameContent(LedgerEntry existing, LedgerEntryInput.Valid entry) {
        return existing.kind() == entry.kind() && existing.date().equals(entry.date())
                && existing.amount().equals(entry.amount()) && existing.platform() == entry.platform()
                && Objects.equals(existing.platformCampaignId(), entry.platformCampaignId())
                && Objects.equals(existing.description(), entry.description());
    }

    private static LedgerEntry map(ResultSet rs, int row) throws SQLException {
        String platform = rs.getString("platform");
        return new LedgerEntry(rs.getLong("id"), rs.getLong("store_id"), rs.getString("external_id"),
                LedgerEntry.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getDate("entry_date").toLocalDate(),
                Money.ofMicros(rs.getLong("amount_micros"), rs.getString("currency")),
                platform == null ? null : Platform.fromSlug(platform), rs.getString("platform_campaign_id"),
                rs.getString("description"), rs.getTimestamp("created_at").toInstant());
    }
}
