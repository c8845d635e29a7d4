package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.RateLimit;

/**
 * A platform credential's request budget at one moment: {@code available} of the {@code burst} requests that
 * may go out at once, refilled to the documented {@code limit}; {@code throttled} while the platform's own
 * signal holds every request back.
 */
public record BudgetUse(long available, long burst, RateLimit limit, boolean throttled) {
}
