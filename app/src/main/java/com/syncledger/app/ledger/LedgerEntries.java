package com.syncledger.app.ledger;

import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue, refund, cost and adjustment entries, recorded once per caller-supplied external id. Every write
 * is refused for dates in a closed revenue period and leaves an audit event, in the same transaction.
 */
@Repository
public class LedgerEntries {

    /** The most entries one batch (API request or CSV file) may carry. */
    public static final int MAX_BATCH = 10_000;

    /** The entry, and whether this call recorded it (false: the same external id was recorded before). */
    public record Recorded(LedgerEntry entry, boolean created) {
    }

    /**
     * Where a batch came from, for its messages and its audit event: {@code field} names an entry's field
     * for errors (e.g. {@code entries[3].amount} or {@code line 4 amount}), {@code entry} names an entry.
     */
    public record Batch(String action, BiFunction<Integer, String, String> field, Function<Integer, String> entry) {

        /** A JSON batch: entries named by their index. */
        public static Batch ofRequest() {
            return new Batch("ledger_entry.batch", (i, f) -> "entries[" + i + "]." + f, i -> "entries[" + i + "]");
        }
    }

    private final JdbcClient jdbc;
    private final Stores stores;
    private final ClosedPeriods closes;
    private final WriteAudit audit;

    public LedgerEntries(JdbcClient jdbc, Stores stores, ClosedPeriods closes, WriteAudit audit) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.closes = closes;
        this.audit = audit;
    }

    /**
     * Records the entry unless one with the same external id exists. Sending the same entry twice
     * records it once; sending different content under an existing id is a conflict.
     */
    @Transactional
    public Recorded record(long storeId, LedgerEntryInput input, String actor) {
        LedgerEntryInput.Valid entry = input.validated();
        stores.get(storeId);
        closes.requireOpen(storeId, Map.of("entry '" + entry.externalId() + "'", entry.date()));
        Recorded recorded = insert(storeId, List.of(entry), i -> "the entry").getFirst();
        if (recorded.created()) {
            audit.record(actor, "ledger_entry.record", storeId, describe(recorded.entry()));
        }
        return recorded;
    }

    /**
     * Records every entry or none: any invalid entry, any entry in a closed period and any conflicting
     * external id refuses the whole batch. Entries recorded before under the same external id with the same
     * content are reported as already present.
     *
     * @throws InvalidInputException naming each bad entry and field, or a batch over {@link #MAX_BATCH}
     * @throws ConflictException for entries in a closed period or recorded before with other content
     */
    @Transactional
    public List<Recorded> recordAll(long storeId, List<LedgerEntryInput> inputs, String actor, Batch batch) {
        if (inputs.isEmpty() || inputs.size() > MAX_BATCH) {
            throw new InvalidInputException("entries", "must hold 1 to " + MAX_BATCH + " entries, not " + inputs.size());
        }
        List<LedgerEntryInput.Valid> entries = validateAll(inputs, batch);
        stores.get(storeId);
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            dates.put(batch.entry().apply(i), entries.get(i).date());
        }
        closes.requireOpen(storeId, dates);
        List<Recorded> recorded = insert(storeId, entries, batch.entry());
        List<String> created = recorded.stream().filter(Recorded::created).map(r -> r.entry().externalId()).toList();
        if (!created.isEmpty()) {
            audit.record(actor, batch.action(), storeId, Map.of("entries", recorded.size(), "recorded", created.size(),
                    "alreadyPresent", recorded.size() - created.size(), "recordedExternalIds", created));
        }
        return recorded;
    }

    public List<LedgerEntry> list(long storeId, int offset, int limit) {
        stores.get(storeId);
        return jdbc.sql("select * from ledger_entry where store_id = ? order by entry_date, id offset ? limit ?")
                .params(storeId, offset, limit).query(LedgerEntries::map).list();
    }

    private static List<LedgerEntryInput.Valid> validateAll(List<LedgerEntryInput> inputs, Batch batch) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<LedgerEntryInput.Valid> valid = new ArrayList<>(inputs.size());
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            try {
                LedgerEntryInput.Valid entry = inputs.get(i).validated();
                Integer earlier = firstIndexOfId.putIfAbsent(entry.externalId(), i);
                if (earlier != null) {
                    problems.put(batch.field().apply(i, "externalId"), "repeats the externalId '"
                            + entry.externalId() + "' of " + batch.entry().apply(earlier));
                }
                valid.add(entry);
            } catch (InvalidInputException e) {
                e.fields().forEach((field, problem) -> problems.put(batch.field().apply(index, field), problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return valid;
    }

    /** One value of each entry, as an array for one unnest. */
    private static String[] column(List<LedgerEntryInput.Valid> entries, Function<LedgerEntryInput.Valid, String> value) {
        return entries.stream().map(value).toArray(String[]::new);
    }

    /** One statement for the whole batch; then what was not inserted is compared with what is stored. */
    private List<Recorded> insert(long storeId, List<LedgerEntryInput.Valid> entries, Function<Integer, String> name) {
        int n = entries.size();
        String[] externalIds = column(entries, LedgerEntryInput.Valid::externalId);
        String[] kinds = column(entries, e -> e.kind().slug());
        String[] dates = column(entries, e -> e.date().toString());
        Long[] amounts = entries.stream().map(e -> e.amount().micros()).toArray(Long[]::new);
        String[] currencies = column(entries, e -> e.amount().currency());
        String[] platforms = column(entries, e -> e.platform() == null ? null : e.platform().slug());
        String[] campaigns = column(entries, LedgerEntryInput.Valid::platformCampaignId);
        String[] descriptions = column(entries, LedgerEntryInput.Valid::description);
        Map<String, LedgerEntry> inserted = jdbc.sql("""
                insert into ledger_entry (store_id, external_id, kind, entry_date, amount_micros, currency, platform,
                                          platform_campaign_id, description)
                select ?, e.* from unnest(?::text[], ?::text[], ?::date[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                                          ?::text[]) as e
                on conflict (store_id, external_id) do nothing
                returning *""")
                .params(storeId, externalIds, kinds, dates, amounts, currencies, platforms, campaigns, descriptions)
                .query(LedgerEntries::map).stream()
                .collect(Collectors.toMap(LedgerEntry::externalId, Function.identity()));
        Map<String, LedgerEntry> existing = inserted.size() == n ? Map.of() : jdbc.sql("""
                select * from ledger_entry where store_id = ? and external_id = any(?::text[])""")
                .params(storeId, externalIds).query(LedgerEntries::map).stream()
                .filter(e -> !inserted.containsKey(e.externalId()))
                .collect(Collectors.toMap(LedgerEntry::externalId, Function.identity()));
        List<Recorded> recorded = new ArrayList<>(n);
        List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LedgerEntryInput.Valid entry = entries.get(i);
            LedgerEntry now = inserted.get(entry.externalId());
            if (now != null) {
                recorded.add(new Recorded(now, true));
                continue;
            }
            LedgerEntry before = existing.get(entry.externalId());
            if (!sameContent(before, entry)) {
                conflicts.add(name.apply(i) + " ('" + entry.externalId() + "')");
            }
            recorded.add(new Recorded(before, false));
        }
        if (n == 1 && !conflicts.isEmpty()) {
            throw new ConflictException("ledger entry '" + externalIds[0]
                    + "' was already recorded with different content");
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException("ledger entries " + String.join(", ", conflicts.subList(0,
                    Math.min(10, conflicts.size()))) + (conflicts.size() > 10 ? " and " + (conflicts.size() - 10)
                    + " more" : "") + " were already recorded with different content; nothing was recorded");
        }
        return recorded;
    }

    private static Map<String, Object> describe(LedgerEntry e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("externalId", e.externalId());
        details.put("kind", e.kind().slug());
        details.put("date", e.date().toString());
        details.put("amount", e.amount().toDecimalString());
        details.put("currency", e.amount().currency());
        if (e.platform() != null) {
            details.put("platform", e.platform().slug());
        }
        return details;
    }

    private static boolean sameContent(LedgerEntry existing, LedgerEntryInput.Valid entry) {
        return existing != null && existing.kind() == entry.kind() && existing.date().equals(entry.date())
                && existing.amount().equals(entry.amount()) && existing.platform() == entry.platform()
                && Objects.equals(existing.platformCampaignId(), entry.platformCampaignId())
                && Objects.equals(existing.description(), entry.description());
    }

    private static LedgerEntry map(ResultSet rs, int row) throws SQLException {
        String platform = rs.getString("platform");
        return new LedgerEntry(rs.getLong("id"), rs.getLong("store_id"), rs.getString("external_id"),
                LedgerEntry.Kind.fromSlug(rs.getString("kind")),
                rs.getDate("entry_date").toLocalDate(),
                Money.ofMicros(rs.getLong("amount_micros"), rs.getString("currency")),
                platform == null ? null : Platform.fromSlug(platform), rs.getString("platform_campaign_id"),
                rs.getString("description"), rs.getTimestamp("created_at").toInstant());
    }
}
