package com.syncledger.app.ledger;

import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ledger entry as a caller sends it: money as a decimal string with its currency. {@code externalId}
 * is the caller's own id, which makes recording idempotent.
 */
public record LedgerEntryInput(String externalId, String kind, String date, String amount, String currency,
        String platform, String platformCampaignId, String description) {

    /** A plain decimal: no exponent, no grouping, a point for decimals. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    /** The checked entry, ready to record. */
    public record Valid(String externalId, LedgerEntry.Kind kind, LocalDate date, Money amount, Platform platform,
            String platformCampaignId, String description) {
    }

    /**
     * The kind gives the sign: amounts are positive, except an adjustment's, which may be negative (it
     * lowers net profit) but never zero.
     */
    private static Optional<String> signProblem(LedgerEntry.Kind kind, Money money) {
        if (kind.isSigned()) {
            return money.isZero() ? Optional.of("an adjustment must not be zero") : Optional.empty();
        }
        return money.micros() > 0 ? Optional.empty()
                : Optional.of("must be positive for " + kind.slug() + "; the kind gives the sign "
                        + "(only an adjustment is signed)");
    }

    /** @throws InvalidInputException listing every field that is wrong */
    public Valid validated() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (externalId == null || externalId.isBlank() || externalId.length() > 200
                || externalId.chars().anyMatch(Character::isISOControl)) {
            problems.put("externalId", "must be 1 to 200 printable characters");
        }
        LedgerEntry.Kind parsedKind = null;
        try {
            parsedKind = LedgerEntry.Kind.fromSlug(String.valueOf(kind).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put("kind", e.getMessage());
        }
        LocalDate parsedDate = null;
        try {
            parsedDate = LocalDate.parse(String.valueOf(date));
        } catch (java.time.DateTimeException e) {
            problems.put("date", "must be a date YYYY-MM-DD");
        }
        Money money = null;
        try {
            Money.validCurrency(currency);
            try {
                if (amount == null || !DECIMAL.matcher(amount.strip()).matches()) {
                    throw new NumberFormatException("not a plain decimal");
                }
                money = Money.parseMajor(amount, currency);
            } catch (NumberFormatException | ArithmeticException e) {
                problems.put("amount", "must be a decimal string with at most 6 decimals, e.g. \"1234.50\"");
            }
        } catch (IllegalArgumentException e) {
            problems.put("currency", currency == null || currency.isBlank()
                    ? "must be an ISO-4217 code such as EUR"
                    : "'" + currency + "' is not a known ISO-4217 currency code (e.g. EUR)");
        }
        if (money != null && parsedKind != null) {
            signProblem(parsedKind, money).ifPresent(problem -> problems.put("amount", problem));
        }
        Platform parsedPlatform = null;
        if (platform != null) {
            try {
                parsedPlatform = Platform.fromSlug(platform);
            } catch (IllegalArgumentException e) {
                problems.put("platform", e.getMessage());
            }
        }
        if (platformCampaignId != null && (platform == null || platformCampaignId.isBlank()
                || platformCampaignId.length() > 200)) {
            problems.put("platformCampaignId", "needs a platform and must be 1 to 200 characters");
        }
        if (description != null && description.length() > 2000) {
            problems.put("description", "must be at most 2000 characters");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(externalId.strip(), parsedKind, parsedDate, money, parsedPlatform, platformCampaignId,
                description);
    }
}
