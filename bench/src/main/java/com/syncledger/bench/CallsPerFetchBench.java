package com.syncledger.bench;

import com.syncledger.app.fetch.AccountFetch;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.fetch.FetchRequest;
import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.Sandbox;
import com.syncledger.sandbox.microsoft.MicrosoftFake;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * For each platform, the HTTP requests one account's fetch of 30 and of 400 days (or the longest range the
 * platform keeps) sends (counted by the sandbox's
 * recorder) against the fewest the platform's API allows for the same days, printed as Markdown for
 * docs/benchmarks.md. The minimum of an account: one request for its currency and time zone, then per chunk of
 * the connector's longest request ({@code maxDaysPerRequest}): one page for the synchronous platforms (a chunk's
 * account-level days fit in one page at the page size the connector asks for), and for the asynchronous
 * reports a create, the polls until the platform answers done (the sandbox answers "processing" once, so two),
 * and a download, once per report (Amazon: one report per ad product the profile has and retains).
 * The engine is warm: a token refresh, once per token lifetime and credential, is not part of a fetch.
 */
public final class CallsPerFetchBench {

    /** Polls until a report is done: the sandbox answers "processing" (Amazon) or "Pending" (Microsoft) once. */
    private static final int POLLS_PER_REPORT = 2;
    private static final LocalDate TO = LocalDate.now(ZoneOffset.UTC).minusDays(2);

    private CallsPerFetchBench() {
    }

    public static void main(String[] args) {
        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            FetchEngine engine = FetchBench.engine(FetchBench.env(sandbox));
            List<FetchRequest> all = DemoData.ACCOUNTS.stream()
                    .map(a -> FetchRequest.of(AccountId.of(Platform.fromSlug(a.platform()), a.id()), range(30)))
                    .toList();
            engine.fetch(all); // tokens refreshed, connectors built
            System.out.println("| platform | days per request | 30 days: requests / minimum | ratio | long fetch: days | requests / minimum | ratio |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            double worst = 0;
            for (Platform platform : Connectors.implemented().stream().sorted().toList()) {
                int maxDays = engine.descriptor(platform).maxDaysPerRequest();
                Count thirty = count(sandbox, engine, platform, 30);
                // 400 days, or the longest range the platform still keeps (the engine refuses older days).
                int longDays = Math.min(400, engine.descriptor(platform).retentionDays() - 2);
                Count long400 = count(sandbox, engine, platform, longDays);
                worst = Math.max(worst, Math.max(thirty.ratio(), long400.ratio()));
                System.out.printf("| %s | %d | %d / %d | %.2f | %d | %d / %d | %.2f |%n", platform.slug(), maxDays,
                        thirty.requests, thirty.minimum, thirty.ratio(), longDays, long400.requests, long400.minimum,
                        long400.ratio());
            }
            System.out.printf("%nHighest ratio: **%.2f** (goal at most 1.10). Load average: %s%n", worst,
                    FetchBench.loadAverage());
        }
    }

    /** Requests and minimum over the platform's demo accounts, each fetched alone. */
    private record Count(int requests, int minimum) {
        double ratio() {
            return minimum == 0 ? 0 : (double) requests / minimum;
        }
    }

    private static Count count(Sandbox sandbox, FetchEngine engine, Platform platform, int days) {
        int requests = 0;
        int minimum = 0;
        for (DemoData.DemoAccount demo : DemoData.ACCOUNTS) {
            if (!demo.platform().equals(platform.slug())) {
                continue;
            }
            clear(sandbox);
            AccountFetch result = engine.fetch(List.of(FetchRequest.of(AccountId.of(platform, demo.id()), range(days))))
                    .getFirst();
            List<RecordedRequest> sent = sent(sandbox, platform);
            requests += sent.size();
            if (!result.isOk()) {
                throw new IllegalStateException(platform.slug() + " fetch of " + days + " days failed: " + result.error());
            }
            int chunks = result.range().split(engine.descriptor(platform).maxDaysPerRequest()).size();
            minimum += 1 + switch (platform) {
                case AMAZON -> reportsCreated(sent) * (1 + POLLS_PER_REPORT + 1);
                case MICROSOFT -> chunks * (1 + POLLS_PER_REPORT + 1);
                default -> chunks;
            };
        }
        return new Count(requests, minimum);
    }

    /** Amazon needs one report per ad product and chunk; the profile's products decide how many. */
    private static int reportsCreated(List<RecordedRequest> sent) {
        return (int) sent.stream().filter(r -> r.method().equals("POST") && r.path().equals("/reporting/reports"))
                .count();
    }

    private static List<RecordedRequest> sent(Sandbox sandbox, Platform platform) {
        FakePlatform fake = sandbox.fake(platform.slug());
        List<RecordedRequest> sent = new ArrayList<>(fake.requests());
        if (fake instanceof MicrosoftFake microsoft) {
            sent.addAll(microsoft.downloads());
        }
        return sent;
    }

    private static DateRange range(int days) {
        return DateRange.of(TO.minusDays(days - 1L), TO);
    }

    private static void clear(Sandbox sandbox) {
        sandbox.fakes().values().forEach(FakePlatform::clearRequests);
    }
}
