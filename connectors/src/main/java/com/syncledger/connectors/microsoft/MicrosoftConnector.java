package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.BaseConnector;
import com.syncledger.connectors.wire.JsonAnswer;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Pause;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireClient;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Advertising (Bing Ads API v13, REST/JSON). Account currency and time zone come from Customer
 * Management GetAccount; daily spend from an asynchronous Account Performance report: submit, poll until
 * {@code Success}, download the ZIP and read its CSV. {@code Success} without a download URL means the
 * account had no rows, so every day is zero.
 */
public final class MicrosoftConnector extends BaseConnector {

    private static final Logger LOG = LoggerFactory.getLogger(MicrosoftConnector.class);
    private static final Platform PLATFORM = Platform.MICROSOFT;

    /** No maximum is documented for a custom date range; a year keeps one report small and a retry cheap. */
    static final int MAX_DAYS_PER_REQUEST = 365;
    /** Daily Account Performance data is kept 36 months. */
    static final int RETENTION_DAYS = 1095;
    /** Invalid-traffic credits can arrive a week or more after the click; re-read a month. */
    static final int RESTATEMENT_DAYS = 30;
    /** Microsoft does not publish the per-minute limit behind error 117 (UNSURE): a conservative budget. */
    static final RateLimit RATE_LIMIT = RateLimit.perMinute(60);

    private static final String SUBMIT = "GenerateReport/Submit";
    private static final String POLL = "GenerateReport/Poll";
    private static final String GET_ACCOUNT = "Account/Query";

    private final MicrosoftSettings settings;
    private final MicrosoftClient client;
    private final Clock clock;

    MicrosoftConnector(MicrosoftSettings settings, OAuthRefresher tokens, WireClient wire, Clock clock) {
        super(new ConnectorDescriptor(PLATFORM, settings.apiVersion(), MAX_DAYS_PER_REQUEST, RETENTION_DAYS,
                RESTATEMENT_DAYS, RATE_LIMIT));
        this.settings = settings;
        this.clock = clock;
        this.client = new MicrosoftClient(settings, wire, tokens);
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        account.valueOn(PLATFORM); // refuses another platform's account before any call
        JsonAnswer answer = client.session()
                .customerManagement(GET_ACCOUNT, MicrosoftWire.getAccountBody(account), "GetAccount");
        return MicrosoftWire.accountInfo(answer.body(), account, answer.requestId());
    }

    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        account.valueOn(PLATFORM); // refuses another platform's account before any call
        return report(account, info, range, oneRequestDays(range, info));
    }

    /** One report: submit, poll until done, download and read. */
    private SpendReport report(AccountId account, AccountInfo info, DateRange range, SpendDays days) {
        MicrosoftClient.Session session = client.session();
        // Microsoft says ReportTimeZone only resolves predefined ranges; sent anyway so the file's header
        // names the zone. The rows are taken as the account's days only when that header says so.
        String body = MicrosoftWire.submitBody(account, range, MicrosoftTimeZones.reportTimeZone(info.timeZone()));
        JsonAnswer submitted = session.reporting(SUBMIT, body, account, "SubmitGenerateReport");
        days.requestId(submitted.requestId());
        String reportId = MicrosoftWire.reportRequestId(submitted.body(), submitted.requestId());
        Finished finished = awaitReport(session, account, reportId, submitted.requestId(), days);
        if (finished.downloadUrl() == null) {
            LOG.debug("microsoft report {} for account {} has no rows: {} zero days", reportId, account.value(),
                    range.days());
            // No file at all: the report ran over the whole range and found nothing to bill.
            return days.coveredAll().report();
        }
        byte[] zip = session.download(finished.downloadUrl(), finished.trackingId());
        MicrosoftReportCsv.Report report = MicrosoftReportCsv.read(zip, finished.trackingId());
        ReportHeader header = ReportHeader.of(report.header());
        if (!header.cutsDaysIn(info.timeZone())) {
            throw MicrosoftWire.bad(finished.trackingId(), "report cuts its days in the time zone '"
                    + header.timeZone() + "', not in the account's " + info.timeZone()
                    + " that was requested; its rows would be other days than their dates say, so it is refused");
        }
        for (MicrosoftReportCsv.Row row : report.rows()) {
            if (row.accountId() != null && !row.accountId().equals(account.value())) {
                throw MicrosoftWire.bad(finished.trackingId(), "report has a row of account " + row.accountId()
                        + " in a report for " + account.value());
            }
            String currency = row.currency() == null ? info.currency() : MicrosoftWire.isoCurrency(row.currency())
                    .orElseThrow(() -> MicrosoftWire.bad(finished.trackingId(),
                            "report has an unknown CurrencyCode '" + row.currency() + "'"));
            days.add(row.day(), money(row, currency, finished.trackingId()), finished.trackingId());
        }
        // The header's Report Time echoes the days the report ran over; without it, the requested ones.
        return days.covered(header.reportTime().orElse(range)).report();
    }

    private record Finished(String downloadUrl, String trackingId) {
    }

    private Finished awaitReport(MicrosoftClient.Session session, AccountId account, String reportId,
            String submitTrackingId, SpendDays days) {
        Instant deadline = clock.instant().plus(settings.reportTimeout());
        int polls = 0;
        while (true) {
            pause(submitTrackingId);
            JsonAnswer polled = session.reporting(POLL, MicrosoftWire.pollBody(reportId), account,
                    "PollGenerateReport");
            polls++;
            days.requestId(polled.requestId());
            MicrosoftWire.PollStatus status = MicrosoftWire.pollStatus(polled.body(), polled.requestId());
            switch (status.status()) {
                case "Success" -> {
                    LOG.debug("microsoft report {} for account {} done after {} polls", reportId, account.value(),
                            polls);
                    return new Finished(status.downloadUrl(), polled.requestId());
                }
                case "Pending" -> {
                    if (!clock.instant().isBefore(deadline)) {
                        throw new ConnectorException.Timeout(new Details(PLATFORM, 200, null, submitTrackingId,
                                PLATFORM.displayName() + " report " + reportId + " was still pending after "
                                        + settings.reportTimeout() + " (" + polls + " polls)"), null);
                    }
                }
                case "Error" -> throw new ConnectorException.Transient(new Details(PLATFORM, 200, null,
                        polled.requestId(), PLATFORM.displayName() + " could not build report " + reportId));
                default -> throw MicrosoftWire.bad(polled.requestId(),
                        "PollGenerateReport answered with the unknown status '" + status.status() + "'");
            }
        }
    }

    private void pause(String requestId) {
        Pause.sleep(settings.pollInterval(), e -> new ConnectorException.Timeout(new Details(PLATFORM, 0, null,
                requestId, "interrupted while waiting for a " + PLATFORM.displayName() + " report"), e));
    }

    private static Money money(MicrosoftReportCsv.Row row, String currency, String requestId) {
        try {
            return Money.ofMajor(row.spend(), currency);
        } catch (ArithmeticException e) {
            throw MicrosoftWire.bad(requestId, "report has a Spend finer than a micro: " + row.spend().toPlainString());
        }
    }

    @Override
    public String toString() {
        return "MicrosoftConnector[" + settings.reportingBaseUrl() + ", customer " + settings.customerId() + "]";
    }
}
