package com.syncledger.app.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code account_month_spend}, the rows the per-platform summary adds up, inside the spend writer's
 * transaction: after a write changed days of some months, those months of the account are computed again from
 * its current days. An account-day counts once, with the value of its newest link to the store (an account
 * unlinked and linked again has one row per link), so a new day of a newer link also takes that day out of the
 * older links' months: they are computed again too.
 *
 * <p>Writers of the same account are serialised by an advisory lock per link, always taken newest link first,
 * so two writers never wait for each other in a circle, and each computes its months only once every writer it
 * could race with has committed.
 */
final class SummaryUpkeep {

    // The account's link and its older links to the same store, locked newest first (a volatile output is
    // computed after the sort), and whether a newer link to the same store exists.
    private static final String LOCK_LINKS = """
            select link.id, pg_advisory_xact_lock(link.id),
                   exists (select 1 from ad_account newer
                           where newer.store_id = account.store_id and newer.platform = account.platform
                             and newer.external_id = account.external_id and newer.id > account.id) as has_newer
            from ad_account account
                     join ad_account link on link.store_id = account.store_id and link.platform = account.platform
                and link.external_id = account.external_id and link.id <= account.id
            where account.id = ?
            order by link.id desc""";

    // Each month of each link from its current days, less the days a newer link holds; rows that no longer
    // have a day go. Unchanged rows are left alone.
    static final String RECOMPUTE = """
            with link as (
                select unnest(?::bigint[]) as ad_account_id
            ), month_start as (
                select unnest(?::date[]) as month
            ), newer_link as (
                select l.ad_account_id, newer.id
                from link l
                         join ad_account a on a.id = l.ad_account_id
                         join ad_account newer on newer.store_id = a.store_id and newer.platform = a.platform
                    and newer.external_id = a.external_id and newer.id > a.id
            ), fresh as (
                select d.ad_account_id, m.month, d.currency, sum(d.amount_micros) as spend_micros,
                       count(*) as days, max(d.fetched_at) as last_fetched_at
                from link l
                         cross join month_start m
                         join spend_day d on d.ad_account_id = l.ad_account_id
                    and d.day >= m.month and d.day < (m.month + interval '1 month')::date
                where not exists (select 1 from newer_link w join spend_day n on n.ad_account_id = w.id and n.day = d.day
                                  where w.ad_account_id = d.ad_account_id)
                group by d.ad_account_id, m.month, d.currency
            ), kept as (
                insert into account_month_spend as s (ad_account_id, month, currency, spend_micros, days, last_fetched_at)
                select * from fresh
                on conflict (ad_account_id, month, currency) do update
                    set spend_micros = excluded.spend_micros, days = excluded.days,
                        last_fetched_at = excluded.last_fetched_at
                    where (s.spend_micros, s.days, s.last_fetched_at)
                              is distinct from (excluded.spend_micros, excluded.days, excluded.last_fetched_at)
            )
            delete from account_month_spend s
            using link l, month_start m
            where s.ad_account_id = l.ad_account_id and s.month = m.month
              and not exists (select 1 from fresh f
                              where f.ad_account_id = s.ad_account_id and f.month = s.month and f.currency = s.currency)""";

    private SummaryUpkeep() {
    }

    /**
     * The locked links of an account: their ids (newest first, empty when the account does not exist), and
     * whether the account is its store's only link of that platform account, so its months hold exactly its own
     * current days.
     */
    record Links(List<Long> idList, boolean alone) {

        /** The ids as a {@code bigint[]} parameter. */
        Array ids(Connection connection) throws SQLException {
            return connection.createArrayOf("bigint", idList.toArray());
        }
    }

    /**
     * Locks the account and its older links to the same store for the rest of the transaction, before anything
     * of them is read.
     */
    static Links lockLinks(Connection connection, long adAccountId) throws SQLException {
        List<Long> links = new ArrayList<>();
        boolean hasNewer = false;
        try (PreparedStatement lock = connection.prepareStatement(LOCK_LINKS)) {
            lock.setLong(1, adAccountId);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    links.add(rs.getLong(1));
                    hasNewer |= rs.getBoolean(3);
                }
            }
        }
        return new Links(List.copyOf(links), links.size() == 1 && !hasNewer);
    }

    /**
     * Computes again the given months ({@code date[]} of first days) of the locked links, after the
     * transaction changed days of them.
     */
    static void recompute(Connection connection, Array links, Array months) throws SQLException {
        try (PreparedStatement recompute = connection.prepareStatement(RECOMPUTE)) {
            recompute.setArray(1, links);
            recompute.setArray(2, months);
            recompute.executeUpdate();
        }
    }
}
