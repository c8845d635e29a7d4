package com.syncledger.connectors.amazon;

import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.Pause;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The asynchronous reports of one spend fetch: one per ad product and date chunk of at most 31 days, all
 * created first, then polled together (PENDING, PROCESSING, then COMPLETED or FAILED) until each is
 * complete, and each completed file downloaded once. The waiting is part of the one logical fetch, not a
 * retry, and is bounded by the report timeout. Not thread-safe: one per fetch.
 */
final class ReportRun {

    private static final Logger log = LoggerFactory.getLogger(ReportRun.class);
    private static final Platform AMAZON = Platform.AMAZON;
    // Amazon asks for long backoffs while reports generate; polling too often is throttled.
    private static final Duration MAX_POLL_WAIT = Duration.ofMinutes(1);

    /** A report Amazon is generating for one product and chunk. */
    private record Pending(AdProduct product, DateRange range, String reportId) {

        @Override
        public String toString() {
            return reportId + " (" + product.reportTypeId() + " " + range + ")";
        }
    }

    private final AmazonAdsApi api;
    private final AmazonAdsSettings settings;
    private final String profileId;
    private final String currency;
    private final DateRange range;
    private final SpendDays days;
    private final ReportCoverage coverage;
    private String lastStatus;
    private String lastRequestId;

    ReportRun(AmazonAdsApi api, AmazonAdsSettings settings, String profileId, AccountInfo info, DateRange range,
            Clock clock) {
        this.api = api;
        this.settings = settings;
        this.profileId = profileId;
        this.currency = info.currency();
        this.range = range;
        this.days = new SpendDays(AMAZON, range, currency);
        this.coverage = new ReportCoverage(range, LocalDate.now(clock.withZone(info.timeZone())), days);
    }

    /** One report per ad product over the whole range, all generated at once, then collected. */
    SpendReport run() {
        long deadline = System.nanoTime() + settings.reportTimeout().toNanos();
        List<Pending> pending = new ArrayList<>();
        for (AdProduct product : AdProduct.values()) {
            Optional<DateRange> reachable = coverage.reachable(product);
            if (reachable.isEmpty()) {
                coverage.tooOld(product);
                continue;
            }
            create(product, reachable.get()).ifPresent(report -> {
                coverage.askedFor(product, reachable.get());
                pending.add(report);
            });
        }
        Duration wait = settings.pollInterval();
        Duration maxWait = wait.compareTo(MAX_POLL_WAIT) > 0 ? wait : MAX_POLL_WAIT;
        while (!pending.isEmpty()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw timeout(pending);
            }
            sleep(Duration.ofNanos(Math.min(wait.toNanos(), remaining)));
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                if (pollAndCollect(it.next())) {
                    it.remove();
                }
            }
            wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
        }
        return days.coveredAll().report();
    }

    /** Asks for one report; empty when the profile does not have the ad product at all. */
    private Optional<Pending> create(AdProduct product, DateRange chunk) {
        WireResponse response = api.createReport(profileId,
                Json.write(CreateReportRequest.dailyCampaignCost(product, chunk)));
        String requestId = AmazonAdsApi.ERRORS.requestId(response);
        if (response.isSuccess()) {
            String reportId = Json.text(Json.parse(AMAZON, response, requestId), "reportId");
            if (reportId == null || reportId.isBlank()) {
                throw new ConnectorException.BadResponse(new Details(AMAZON, response.status(), null, requestId,
                        "Amazon Ads accepted a " + product.reportTypeId() + " report without a reportId"));
            }
            days.requestId(requestId);
            log.debug("amazon report {} created: {} {} for profile {}", reportId, product.reportTypeId(), chunk, profileId);
            return Optional.of(new Pending(product, chunk, reportId));
        }
        Optional<String> original = AmazonAdsErrors.duplicateOf(response);
        if (original.isPresent()) {
            // The same report is already being generated (e.g. by an earlier attempt): wait for that one.
            days.requestId(requestId);
            log.info("amazon report {} {} for profile {} is a duplicate of {}; polling that one",
                    product.reportTypeId(), chunk, profileId, original.get());
            return Optional.of(new Pending(product, chunk, original.get()));
        }
        if (AmazonAdsErrors.productUnavailable(response)) {
            log.info("amazon profile {} has no {}; it contributes no spend", profileId, product);
            return Optional.empty();
        }
        throw AmazonAdsApi.ERRORS.translate(response);
    }

    /** Polls one report; when it is complete, downloads it and adds its rows. @return whether it is done */
    private boolean pollAndCollect(Pending report) {
        WireResponse response = api.report(profileId, report.reportId());
        String requestId = AmazonAdsApi.ERRORS.requestId(response);
        if (!response.isSuccess()) {
            throw AmazonAdsApi.ERRORS.translate(response);
        }
        JsonNode body = Json.parse(AMAZON, response, requestId);
        String answeredId = Json.text(body, "reportId");
        if (answeredId != null && !answeredId.equals(report.reportId())) {
            throw badStatus(response, requestId, "Amazon Ads answered a poll of report " + report
                    + " with report " + answeredId);
        }
        String status = String.valueOf(Json.text(body, "status"));
        lastStatus = status;
        lastRequestId = requestId;
        return switch (status) {
            case "PENDING", "PROCESSING" -> false;
            case "COMPLETED" -> {
                download(report, Json.text(body, "url"), response, requestId);
                yield true;
            }
            // Permanent for that request, but asking again may succeed: the fetch fails, the engine retries.
            case "FAILED" -> throw new ConnectorException.Transient(new Details(AMAZON, response.status(), "FAILED",
                    requestId, "Amazon Ads report " + report + " failed: "
                            + Optional.ofNullable(Json.text(body, "failureReason")).orElse("no reason given")));
            default -> throw badStatus(response, requestId, "Amazon Ads report " + report
                    + " has an unknown status '" + status + "'");
        };
    }

    private void download(Pending report, String url, WireResponse poll, String requestId) {
        URI location;
        try {
            location = URI.create(url == null ? "" : url);
        } catch (IllegalArgumentException e) {
            location = null;
        }
        if (location == null || location.getScheme() == null || location.getHost() == null) {
            throw badStatus(poll, requestId, "Amazon Ads report " + report + " completed without a usable url");
        }
        WireResponse file = api.download(location);
        if (!file.isSuccess()) {
            throw AmazonAdsErrors.downloadError(file);
        }
        List<ReportFile.CostRow> rows = ReportFile.read(file.body(), report.reportId(),
                file.firstHeader("x-amz-request-id"), report.range(), currency);
        for (ReportFile.CostRow row : rows) {
            days.add(row.date(), row.cost(), requestId);
        }
        coverage.read(report.product(), report.range(), rows.stream().map(ReportFile.CostRow::date).toList());
        days.requestId(requestId);
    }

    private static ConnectorException.BadResponse badStatus(WireResponse response, String requestId, String message) {
        return new ConnectorException.BadResponse(new Details(AMAZON, response.status(), null, requestId, message));
    }

    private ConnectorException.Timeout timeout(List<Pending> pending) {
        return new ConnectorException.Timeout(new Details(AMAZON, 0, lastStatus, lastRequestId,
                "Amazon Ads reports did not complete within " + settings.reportTimeout() + ": "
                        + pending.stream().map(Pending::toString).collect(Collectors.joining(", "))), null);
    }

    private void sleep(Duration wait) {
        Pause.sleep(wait, e -> new ConnectorException.Timeout(
                Details.of(AMAZON, "interrupted while waiting for Amazon Ads reports"), e));
    }
}
