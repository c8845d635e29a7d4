package com.syncledger.app.billing;

import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.connectors.spi.DateRange;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned billing terms. A change is new terms from a later month; the terms of a month that already
 * has an issued statement are never replaced, so every statement keeps the terms it was issued under.
 */
@Repository
public class BillingTerms {

    private final JdbcClient jdbc;
    private final Stores stores;
    private final BillingAudit audit;

    public BillingTerms(JdbcClient jdbc, Stores stores, BillingAudit audit) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.audit = audit;
    }

    /**
     * Records terms from their effective month on.
     *
     * @throws ConflictException when terms from that month exist, or a statement from that month on is issued
     */
    @Transactional
    public Terms set(long storeId, TermsInput input, String actor) {
        Store store = stores.lockForUpdate(storeId);
        TermsInput.Valid terms = input.validated(store.billingCurrency());
        jdbc.sql("select max(period) from billing_statement where store_id = ?").param(storeId)
                .query(LocalDate.class).optional()
                .filter(issued -> !terms.effectiveFrom().isAfter(issued))
                .ifPresent(issued -> {
                    throw new ConflictException("the statement for " + BillingPeriod.of(issued)
                            + " is issued; new terms can apply from " + BillingPeriod.of(issued.plusMonths(1))
                            + " on");
                });
        if (jdbc.sql("select count(*) from billing_terms where store_id = ? and effective_from = ?")
                .params(storeId, terms.effectiveFrom()).query(Integer.class).single() > 0) {
            throw new ConflictException("store " + storeId + " already has terms effective from "
                    + terms.effectiveFrom() + "; terms are versioned: set new terms from a later month");
        }
        long id = jdbc.sql("""
                insert into billing_terms (store_id, effective_from, baseline_from, baseline_to, fee_rate,
                                           floor_micros, cap_micros, currency, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(storeId, terms.effectiveFrom(), terms.baseline().from(), terms.baseline().to(),
                        terms.feeRate(), micros(terms.floor()), micros(terms.cap()), store.billingCurrency(), actor)
                .query(Long.class).single();
        Terms created = get(id);
        audit.record(actor, "terms.set", storeId, describe(created));
        return created;
    }

    /** The terms that apply to the period: the newest whose effective month is not after it. */
    public Optional<Terms> inForce(long storeId, BillingPeriod period) {
        return jdbc.sql("""
                select * from billing_terms where store_id = ? and effective_from <= ?
                order by effective_from desc limit 1""")
                .params(storeId, period.first()).query(BillingTerms::map).optional();
    }

    public List<Terms> list(long storeId) {
        stores.get(storeId);
        return jdbc.sql("select * from billing_terms where store_id = ? order by effective_from")
                .param(storeId).query(BillingTerms::map).list();
    }

    Terms get(long termsId) {
        return jdbc.sql("select * from billing_terms where id = ?").param(termsId).query(BillingTerms::map).single();
    }

    static Map<String, Object> describe(Terms terms) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("termsId", terms.id());
        details.put("effectiveFrom", terms.effectiveFrom().toString());
        details.put("baselineFrom", terms.baseline().from().toString());
        details.put("baselineTo", terms.baseline().to().toString());
        details.put("feeRate", terms.feeRate().toPlainString());
        details.put("floor", terms.floor() == null ? null : terms.floor().toPlainString());
        details.put("cap", terms.cap() == null ? null : terms.cap().toPlainString());
        details.put("currency", terms.currency());
        return details;
    }

    private static Long micros(BigDecimal amount) {
        return amount == null ? null : MinorUnits.toMicros(amount);
    }

    private static Terms map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        return new Terms(rs.getLong("id"), rs.getLong("store_id"), rs.getDate("effective_from").toLocalDate(),
                DateRange.of(rs.getDate("baseline_from").toLocalDate(), rs.getDate("baseline_to").toLocalDate()),
                rs.getBigDecimal("fee_rate").stripTrailingZeros(), amount(rs, "floor_micros", currency),
                amount(rs, "cap_micros", currency), currency, rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    private static BigDecimal amount(ResultSet rs, String column, String currency) throws SQLException {
        long micros = rs.getLong(column);
        return rs.wasNull() ? null : MinorUnits.round(MinorUnits.ofMicros(micros), currency);
    }
}
