package com.syncledger.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic demo accounts: two per platform (one per demo store), with a year of spend across a few
 * campaigns and some days without spend. The same seed always gives the same numbers.
 */
public final class DemoData {

    /** A demo account: the id in the platform's own format, its currency and time zone. */
    public record DemoAccount(String platform, String id, String currency, String timeZone, String name) {
    }

    public static final int DAYS_OF_HISTORY = 400;

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("meta", "1234567890", "USD", "America/Los_Angeles", "Northwind Meta"),
            new DemoAccount("meta", "2345678901", "EUR", "Europe/Berlin", "Alpine Meta"),
            new DemoAccount("google", "1234567890", "USD", "America/New_York", "Northwind Search"),
            new DemoAccount("google", "9876543210", "EUR", "Europe/Berlin", "Alpine Search"),
            new DemoAccount("tiktok", "7001234567890123456", "USD", "America/New_York", "Northwind TikTok"),
            new DemoAccount("tiktok", "7009876543210987654", "EUR", "Europe/Berlin", "Alpine TikTok"),
            new DemoAccount("linkedin", "512345678", "USD", "America/Chicago", "Northwind LinkedIn"),
            new DemoAccount("linkedin", "598765432", "EUR", "Europe/Berlin", "Alpine LinkedIn"),
            new DemoAccount("amazon", "3141592653589793", "USD", "America/Los_Angeles", "Northwind Amazon"),
            new DemoAccount("amazon", "2718281828459045", "EUR", "Europe/Paris", "Alpine Amazon"),
            new DemoAccount("microsoft", "149012345", "USD", "America/New_York", "Northwind Bing"),
            new DemoAccount("microsoft", "149054321", "EUR", "Europe/Berlin", "Alpine Bing"),
            new DemoAccount("snapchat", "7057e31f-b908-4bc7-85dd-88169f53e08d", "USD", "America/Los_Angeles",
                    "Northwind Snap"),
            new DemoAccount("snapchat", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "EUR", "Europe/Berlin", "Alpine Snap"),
            new DemoAccount("pinterest", "547602124502", "USD", "America/New_York", "Northwind Pins"),
            new DemoAccount("pinterest", "549755813888", "EUR", "Europe/Berlin", "Alpine Pins"),
            new DemoAccount("reddit", "a2_northwind1", "USD", "America/New_York", "Northwind Reddit"),
            new DemoAccount("reddit", "a2_alpine42", "EUR", "Europe/Berlin", "Alpine Reddit"));

    private DemoData() {
    }

    /** Adds the demo accounts to every fake the sandbox runs, history ending yesterday (UTC). */
    public static void seed(Sandbox sandbox) {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Map<String, FakePlatform> fakes = sandbox.fakes();
        for (DemoAccount demo : ACCOUNTS) {
            FakePlatform fake = fakes.get(demo.platform());
            if (fake != null) {
                fake.addAccount(generate(demo, yesterday, DAYS_OF_HISTORY));
            }
        }
    }

    /** {@code days} days of spend ending {@code last}: two to three campaigns, roughly one idle day in nine. */
    public static FakeAccount generate(DemoAccount demo, LocalDate last, int days) {
        FakeAccount account = new FakeAccount(demo.id(), demo.currency(), demo.timeZone(), demo.name());
        SplittableRandom random = new SplittableRandom((demo.platform() + ":" + demo.id()).hashCode());
        int scale = java.util.Currency.getInstance(demo.currency()).getDefaultFractionDigits();
        for (LocalDate day = last.minusDays(days - 1L); !day.isAfter(last); day = day.plusDays(1)) {
            if (random.nextInt(9) == 0) {
                continue;
            }
            int campaigns = 2 + random.nextInt(2);
            for (int c = 1; c <= campaigns; c++) {
                long cents = 500 + random.nextLong(25_000);
                BigDecimal amount = BigDecimal.valueOf(cents, 2).setScale(scale, RoundingMode.DOWN);
                account.spend(day, "cmp-" + c, amount.toPlainString());
            }
        }
        return account;
    }
}
