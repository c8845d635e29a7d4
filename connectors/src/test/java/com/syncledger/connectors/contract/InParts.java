package com.syncledger.connectors.contract;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.spi.SpendReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a range as the fetch engine does: in parts of the descriptor's {@code maxDaysPerRequest}, oldest
 * first, joined into one report. Connectors refuse longer ranges, so tests of long ranges read them this way.
 */
public final class InParts {

    private InParts() {
    }

    public static SpendReport dailySpend(SpendConnector connector, AccountId account, AccountInfo info,
            DateRange range) {
        List<DailySpend> days = new ArrayList<>();
        List<String> requestIds = new ArrayList<>();
        List<SpendReport.Gap> missing = new ArrayList<>();
        int ignored = 0;
        for (DateRange part : range.split(connector.descriptor().maxDaysPerRequest())) {
            SpendReport report = connector.dailySpend(account, info, part);
            days.addAll(report.days());
            requestIds.addAll(report.requestIds());
            missing.addAll(report.missing());
            ignored += report.ignoredRows();
        }
        return new SpendReport(range, days, requestIds, missing, ignored);
    }
}
