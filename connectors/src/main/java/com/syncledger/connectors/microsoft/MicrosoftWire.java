package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The JSON bodies SyncLedger sends to Microsoft Advertising and the fields it reads back. */
final class MicrosoftWire {

    private static final Platform PLATFORM = Platform.MICROSOFT;

    /** TimePeriod is what makes Daily aggregation happen: without it the service sums the range silently. */
    static final List<String> COLUMNS = List.of("TimePeriod", "AccountId", "CurrencyCode", "Spend");
    static final String REPORT_NAME = "syncledger-daily-spend";

    /**
     * Enum-style currency names, as account entities use them (VERIFIED) and report rows may (UNSURE), so both
     * names and ISO codes are read. The names are Microsoft's published ones: the Currency value set
     * (learn.microsoft.com/en-us/advertising/ad-insight-service/currency) and the supported account currencies
     * (learn.microsoft.com/en-us/advertising/guides/currencies, which names CNY {@code ChineseYuan} where the
     * value set says {@code YuanRenminbi}). A name not here is refused loudly, never guessed.
     */
    private static final Map<String, String> ISO_BY_CURRENCY_NAME = Map.ofEntries(
            Map.entry("AlgerianDinar", "DZD"), Map.entry("ArgentinePeso", "ARS"),
            Map.entry("AustralianDollar", "AUD"), Map.entry("Baht", "THB"), Map.entry("Bolivar", "VEF"),
            Map.entry("BrazilianReal", "BRL"), Map.entry("CanadianDollar", "CAD"), Map.entry("ChileanPeso", "CLP"),
            Map.entry("ChineseYuan", "CNY"), Map.entry("YuanRenminbi", "CNY"), Map.entry("ColombianPeso", "COP"),
            Map.entry("CzechKoruna", "CZK"), Map.entry("DanishKrone", "DKK"), Map.entry("Dong", "VND"),
            Map.entry("EgyptianPound", "EGP"), Map.entry("EURO", "EUR"), Map.entry("Forint", "HUF"),
            Map.entry("HongKongDollar", "HKD"), Map.entry("IndianRupee", "INR"), Map.entry("IsraeliSheqel", "ILS"),
            Map.entry("JapaneseYen", "JPY"), Map.entry("LebanesePound", "LBP"),
            Map.entry("MalaysianRinggit", "MYR"), Map.entry("MexicanPeso", "MXN"),
            Map.entry("MoroccanDirham", "MAD"), Map.entry("NewTaiwanDollar", "TWD"),
            Map.entry("NewZealandDollar", "NZD"), Map.entry("NigerianNaira", "NGN"),
            Map.entry("NorwegianKrone", "NOK"),
            // The value set describes NuevoSol as "(NOK)", a slip: the Peruvian sol is PEN.
            Map.entry("NuevoSol", "PEN"), Map.entry("PhilippinePeso", "PHP"), Map.entry("PolishZloty", "PLN"),
            Map.entry("QatariRial", "QAR"), Map.entry("Rupiah", "IDR"), Map.entry("SaudiRiyal", "SAR"),
            Map.entry("SingaporeDollar", "SGD"), Map.entry("SouthAfricanRand", "ZAR"),
            Map.entry("SwedishKrona", "SEK"), Map.entry("SwissFranc", "CHF"), Map.entry("TurkishLira", "TRY"),
            Map.entry("UAEDirham", "AED"), Map.entry("UKPound", "GBP"), Map.entry("USDollar", "USD"),
            Map.entry("Won", "KRW"));

    /** A report's status as Poll returns it. {@code downloadUrl} is null when the report has no rows. */
    record PollStatus(String status, String downloadUrl) {
    }

    private MicrosoftWire() {
    }

    /**
     * The daily account performance report of one account. Header and footer stay in (the parser reads
     * past them), so the file keeps the service's own "Time Zone" and row count for anyone inspecting it.
     */
    static String submitBody(AccountId account, DateRange range, Optional<String> reportTimeZone) {
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("CustomDateRangeStart", date(range.from()));
        time.put("CustomDateRangeEnd", date(range.to()));
        reportTimeZone.ifPresent(zone -> time.put("ReportTimeZone", zone));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("Type", "AccountPerformanceReportRequest");
        request.put("ExcludeColumnHeaders", false);
        request.put("ExcludeReportFooter", false);
        request.put("ExcludeReportHeader", false);
        request.put("Format", "Csv");
        request.put("FormatVersion", "2.0");
        request.put("ReportName", REPORT_NAME);
        request.put("ReturnOnlyCompleteData", false);
        request.put("Aggregation", "Daily");
        request.put("Columns", COLUMNS);
        // 64-bit ids as JSON strings, as the official SDK serializes them.
        request.put("Scope", Map.of("AccountIds", List.of(account.value())));
        request.put("Time", time);
        return Json.write(Map.of("ReportRequest", request));
    }

    static String pollBody(String reportRequestId) {
        return Json.write(Map.of("ReportRequestId", reportRequestId));
    }

    static String getAccountBody(AccountId account) {
        return Json.write(Map.of("AccountId", account.value()));
    }

    static String reportRequestId(JsonNode body, String requestId) {
        String id = Json.text(body, "ReportRequestId");
        if (id == null || id.isBlank()) {
            throw bad(requestId, "SubmitGenerateReport answered without a ReportRequestId");
        }
        return id.trim();
    }

    static PollStatus pollStatus(JsonNode body, String requestId) {
        JsonNode status = body.get("ReportRequestStatus");
        String state = Json.text(status, "Status");
        if (state == null) {
            throw bad(requestId, "PollGenerateReport answered without a ReportRequestStatus.Status");
        }
        String url = Json.text(status, "ReportDownloadUrl");
        return new PollStatus(state.trim(), url == null || url.isBlank() ? null : url.trim());
    }

    /** GetAccount's {@code Account}: ISO currency code and a Microsoft time-zone name. */
    static AccountInfo accountInfo(JsonNode body, AccountId account, String requestId) {
        JsonNode fields = body.get("Account");
        if (fields == null || !fields.isObject()) {
            throw bad(requestId, "GetAccount answered without an Account");
        }
        String id = Json.text(fields, "Id");
        if (id != null && !id.trim().equals(account.value())) {
            throw bad(requestId, "GetAccount answered for account " + id + " instead of " + account.value());
        }
        String currency = isoCurrency(Json.text(fields, "CurrencyCode"))
                .orElseThrow(() -> bad(requestId, "GetAccount answered with an unknown CurrencyCode '"
                        + Json.text(fields, "CurrencyCode") + "'"));
        String timeZone = Json.text(fields, "TimeZone");
        ZoneId zone = MicrosoftTimeZones.zoneOf(timeZone)
                .orElseThrow(() -> bad(requestId, "GetAccount answered with an unknown TimeZone '" + timeZone + "'"));
        return new AccountInfo(currency, zone, Json.text(fields, "Name"));
    }

    /** The ISO-4217 code of an ISO code or a Microsoft currency name; empty when neither. */
    static Optional<String> isoCurrency(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String named = ISO_BY_CURRENCY_NAME.get(value.trim());
        try {
            return Optional.of(Money.validCurrency(named != null ? named : value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Integer> date(LocalDate day) {
        Map<String, Integer> date = new LinkedHashMap<>();
        date.put("Day", day.getDayOfMonth());
        date.put("Month", day.getMonthValue());
        date.put("Year", day.getYear());
        return date;
    }

    static ConnectorException.BadResponse bad(String requestId, String message) {
        return new ConnectorException.BadResponse(
                new Details(PLATFORM, 200, null, requestId, PLATFORM.displayName() + " " + message));
    }
}
