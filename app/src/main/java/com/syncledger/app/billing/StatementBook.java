package com.syncledger.app.billing;

import com.syncledger.app.billing.BillingItems.EntryItem;
import com.syncledger.app.billing.BillingItems.SpendItem;
import com.syncledger.connectors.spi.Platform;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issued statements and what they are pinned to. Written once (the database refuses any update or delete)
 * and read back exactly as written.
 */
@Repository
class StatementBook {

    /** A pinned account-day of an issued statement beside its current value. */
    record PinnedDay(long accountId, Platform platform, String externalId, LocalDate day, long pinnedVersionId,
            long pinnedMicros, String pinnedCurrency, long currentVersionId, long currentMicros,
            String currentCurrency) {

        boolean restated() {
            return pinnedVersionId != currentVersionId;
        }
    }

    /** The net profit and fee differences already carried for a statement by later ones. */
    record Carried(BigDecimal netProfit, BigDecimal fee) {
    }

    private final JdbcClient jdbc;

    StatementBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IssuedStatement> find(long storeId, BillingPeriod period) {
        return jdbc.sql("select * from billing_statement where store_id = ? and period = ?")
                .params(storeId, period.first()).query(StatementBook::map).optional();
    }

    List<IssuedStatement> list(long storeId) {
        return jdbc.sql("select * from billing_statement where store_id = ? order by period")
                .param(storeId).query(StatementBook::map).list();
    }

    List<IssuedStatement> issuedBefore(long storeId, BillingPeriod period) {
        return jdbc.sql("select * from billing_statement where store_id = ? and period < ? order by period")
                .params(storeId, period.first()).query(StatementBook::map).list();
    }

    long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('billing_statement', 'id'))").query(Long.class).single();
    }

    /** Stores an issued statement with its document and everything it is pinned to. */
    void insert(Statement s, String document) {
        jdbc.sql("""
                insert into billing_statement (id, store_id, period, terms_id, currency, net_profit_micros,
                                               uplift_micros, fee_micros, amount_due_micros, document, issued_at,
                                               issued_by)
                overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.storeId(), s.billingPeriod().first(), s.terms().id(), s.currency(),
                        MinorUnits.toMicros(s.period().netProfit()), MinorUnits.toMicros(s.uplift()),
                        MinorUnits.toMicros(s.fee()), MinorUnits.toMicros(s.amountDue()), document,
                        Timestamp.from(s.issuedAt()), s.issuedBy())
                .update();
        Statement.Pins pins = s.pins();
        pin("statement_spend_version", "spend_version_id", s.id(), "period", pins.periodSpendVersions());
        pin("statement_spend_version", "spend_version_id", s.id(), "baseline", pins.baselineSpendVersions());
        pin("statement_ledger_entry", "ledger_entry_id", s.id(), "period", pins.periodEntries());
        pin("statement_ledger_entry", "ledger_entry_id", s.id(), "baseline", pins.baselineEntries());
        for (FxRate rate : pins.rates()) {
            jdbc.sql("insert into statement_fx_rate (statement_id, day, base, quote, rate, source) values (?, ?, ?, ?, ?, ?)")
                    .params(s.id(), rate.day(), rate.base(), rate.quote(), rate.rate(), rate.source()).update();
        }
        for (Statement.Adjustment a : s.adjustments()) {
            jdbc.sql("""
                    insert into statement_adjustment (statement_id, original_statement_id,
                                                      net_profit_difference_micros, fee_difference_micros)
                    values (?, ?, ?, ?)""")
                    .params(s.id(), a.originalStatementId(), MinorUnits.toMicros(a.netProfitDifference()),
                            MinorUnits.toMicros(a.feeDifference()))
                    .update();
        }
    }

    private void pin(String table, String column, long statementId, String part, List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("insert into " + table + " (statement_id, " + column + ", part) select ?, unnest(?::bigint[]), ?")
                    .params(statementId, ids.toArray(Long[]::new), part).update();
        }
    }

    /** The period's pinned account-days of a statement, each with its current value. */
    List<PinnedDay> pinnedDays(long statementId) {
        return jdbc.sql("""
                select v.ad_account_id, a.platform, a.external_id, v.day, v.id as pinned_id,
                       v.amount_micros as pinned_micros, v.currency as pinned_currency,
                       d.current_version_id, d.amount_micros as current_micros, d.currency as current_currency
                from statement_spend_version p
                    join spend_version v on v.id = p.spend_version_id
                    join spend_day d on d.ad_account_id = v.ad_account_id and d.day = v.day
                    join ad_account a on a.id = v.ad_account_id
                where p.statement_id = ? and p.part = 'period'
                order by a.platform, a.external_id, v.day""")
                .param(statementId)
                .query((rs, row) -> new PinnedDay(rs.getLong("ad_account_id"), Platform.fromSlug(rs.getString("platform")),
                        rs.getString("external_id"), rs.getDate("day").toLocalDate(), rs.getLong("pinned_id"),
                        rs.getLong("pinned_micros"), rs.getString("pinned_currency"), rs.getLong("current_version_id"),
                        rs.getLong("current_micros"), rs.getString("current_currency")))
                .list();
    }

    /** Whether any pinned account-day of the statement's period has a newer value than the pinned one. */
    boolean anyRestated(long statementId) {
        return jdbc.sql("""
                select exists (select 1 from statement_spend_version p
                                   join spend_version v on v.id = p.spend_version_id
                                   join spend_day d on d.ad_account_id = v.ad_account_id and d.day = v.day
                               where p.statement_id = ? and p.part = 'period' and d.current_version_id <> v.id)""")
                .param(statementId).query(Boolean.class).single();
    }

    /** The period's pinned days at their current values, to recompute the statement. */
    static List<SpendItem> currentValues(List<PinnedDay> days) {
        return days.stream().map(d -> new SpendItem(d.currentVersionId(), d.accountId(), d.platform(), d.externalId(),
                d.day(), d.currentMicros(), d.currentCurrency())).toList();
    }

    List<EntryItem> pinnedEntries(long statementId) {
        return jdbc.sql("""
                select e.id, e.kind, e.entry_date, e.amount_micros, e.currency, e.platform
                from statement_ledger_entry p join ledger_entry e on e.id = p.ledger_entry_id
                where p.statement_id = ? and p.part = 'period' order by e.id""")
                .param(statementId)
                .query(EntryItem::map)
                .list();
    }

    Carried carried(long statementId) {
        return jdbc.sql("""
                select coalesce(sum(net_profit_difference_micros), 0) as net, coalesce(sum(fee_difference_micros), 0) as fee
                from statement_adjustment where original_statement_id = ?""")
                .param(statementId)
                .query((rs, row) -> new Carried(MinorUnits.ofMicros(rs.getLong("net")),
                        MinorUnits.ofMicros(rs.getLong("fee"))))
                .single();
    }

    private static IssuedStatement map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        return new IssuedStatement(rs.getLong("id"), rs.getLong("store_id"),
                BillingPeriod.of(rs.getDate("period").toLocalDate()), rs.getLong("terms_id"), currency,
                amount(rs, "net_profit_micros", currency), amount(rs, "uplift_micros", currency),
                amount(rs, "fee_micros", currency), amount(rs, "amount_due_micros", currency),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"), rs.getString("document"));
    }

    /** A stored figure at its currency's scale, as it was printed (exact: it was rounded before it was stored). */
    private static BigDecimal amount(ResultSet rs, String column, String currency) throws SQLException {
        return MinorUnits.round(MinorUnits.ofMicros(rs.getLong(column)), currency);
    }
}
