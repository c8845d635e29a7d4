package com.syncledger.app.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateBudgetsTest {

    @Test
    void aBudgetLetsATenthOfTheLimitThroughAtOnceAndRefillsTheRestOverThePeriod() {
        Bucket bucket = CredentialBudget.bucket(new RateLimit(600, Duration.ofHours(1)));
        assertThat(bucket.getAvailableTokens()).isEqualTo(60);
        // 540 more per hour: one every 6.67 s, so no hour ever sees more than 600.
        assertThat(bucket.tryConsumeAsMuchAsPossible()).isEqualTo(60);
        assertThat(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()))
                .isBetween(Duration.ofMillis(6_600), Duration.ofMillis(6_700));
    }

    @Test
    void aSmallLimitLetsHalfThroughAtOnce() {
        Bucket bucket = CredentialBudget.bucket(new RateLimit(6, Duration.ofSeconds(10)));
        assertThat(bucket.tryConsumeAsMuchAsPossible()).isEqualTo(3);
        // The other 3 of each 10 s arrive one every 3.33 s.
        assertThat(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()))
                .isBetween(Duration.ofMillis(3_300), Duration.ofMillis(3_400));
    }

    @Test
    void aLimitOfOneRequestIsSpreadOverTwoPeriods() {
        Bucket bucket = CredentialBudget.bucket(new RateLimit(1, Duration.ofMinutes(1)));
        assertThat(bucket.tryConsume(1)).isTrue();
        assertThat(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()))
                .isGreaterThan(Duration.ofSeconds(119));
    }

    @Test
    void accountsWaitingForABusyBudgetAreGivenTurnsOneRefillApartFromWhenItHasRoom() {
        // 10 an hour: a burst of 5, then one request every 12 minutes.
        CredentialBudget budget = new CredentialBudget(Platform.REDDIT, new RateLimit(10, Duration.ofHours(1)));
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            budget.acquire(Duration.ZERO);
        }
        assertThat(budget.nextTurn(now)).as("room for a sync's account and report: start now").isEmpty();
        budget.acquire(Duration.ZERO);
        assertThat(budget.nextTurn(now)).as("room for one request only: a sync would wait for its report")
                .isPresent();
        budget.acquire(Duration.ZERO);

        Instant first = budget.nextTurn(now).orElseThrow();
        Instant second = budget.nextTurn(now).orElseThrow();
        Instant third = budget.nextTurn(now).orElseThrow();

        assertThat(Duration.between(now, first)).as("two refills")
                .isBetween(Duration.ofMinutes(23), Duration.ofMinutes(24));
        assertThat(Duration.between(first, second)).isEqualTo(Duration.ofMinutes(12));
        assertThat(Duration.between(second, third)).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void aThrottledCredentialGivesNoTurnBeforeThePlatformsHintHasPassed() {
        CredentialBudget budget = new CredentialBudget(Platform.META, new RateLimit(600, Duration.ofHours(1)));
        Instant now = Instant.now();
        budget.pause(Duration.ofMinutes(10));

        assertThat(budget.nextTurn(now)).hasValueSatisfying(turn ->
                assertThat(Duration.between(now, turn)).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
    }

    @Test
    void aRequestThatCannotBeBudgetedBeforeItsDeadlineIsRefusedAtOnceWithoutReachingThePlatform() {
        CredentialBudget budget = new CredentialBudget(Platform.REDDIT, new RateLimit(20, Duration.ofHours(1)));
        budget.acquire(Duration.ofSeconds(1));
        budget.acquire(Duration.ofSeconds(1));

        assertThatThrownBy(() -> budget.acquire(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ConnectorException.RateLimited.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.platform()).isEqualTo(Platform.REDDIT);
                    assertThat(e.getMessage()).startsWith("SyncLedger's request budget for Reddit (20 per PT1H)");
                    assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive());
                    assertThat(CredentialBudget.isOwnRefusal(e)).isTrue();
                });
    }

    @Test
    void aThrottledCredentialSendsNothingUntilThePlatformsHintHasPassed() {
        RateBudgets budgets = new RateBudgets(Duration.ofSeconds(1));
        budgets.register(Platform.META, RateLimit.perSecond(1000));
        budgets.sending(Platform.META);

        budgets.throttled(new ConnectorException.RateLimited(new Details(Platform.META, 400, "17", "r", "too many"),
                null), Duration.ofHours(1));

        assertThatThrownBy(() -> budgets.sending(Platform.META))
                .isInstanceOf(ConnectorException.RateLimited.class)
                .hasMessageContaining("has no room before this account's deadline");
        // Other credentials are not held back.
        budgets.register(Platform.TIKTOK, RateLimit.perSecond(1000));
        budgets.sending(Platform.TIKTOK);
    }

    @Test
    void ourOwnRefusalDoesNotHoldTheCredentialBack() {
        RateBudgets budgets = new RateBudgets(Duration.ofSeconds(1));
        budgets.register(Platform.META, RateLimit.perSecond(1000));
        ConnectorException own = new ConnectorException.RateLimited(Details.of(Platform.META,
                "SyncLedger's request budget for Meta is spent"), Duration.ofHours(1));

        budgets.throttled(own, Duration.ofHours(1));
        budgets.throttled(new ConnectorException.Transient(new Details(Platform.META, 503, null, null, "down")),
                Duration.ofHours(1));

        budgets.sending(Platform.META);
    }

    @Test
    void theFirstRegisteredBudgetOfACredentialIsKept() {
        RateBudgets budgets = new RateBudgets(Duration.ZERO);
        budgets.register(Platform.PINTEREST, new RateLimit(1, Duration.ofHours(1)));
        budgets.register(Platform.PINTEREST, RateLimit.perSecond(1000));

        assertThat(budgets.budget(Platform.PINTEREST)).hasValueSatisfying(b ->
                assertThat(b.limit()).isEqualTo(new RateLimit(1, Duration.ofHours(1))));
        budgets.sending(Platform.PINTEREST);
        assertThatThrownBy(() -> budgets.sending(Platform.PINTEREST)).isInstanceOf(ConnectorException.RateLimited.class);
        // A platform without a budget (never built) is not paced here.
        budgets.sending(Platform.GOOGLE);
    }

    @Test
    void theWaitForTheBudgetIsTimedPerPlatform() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RateBudgets budgets = new RateBudgets(Duration.ofSeconds(5), meters);
        budgets.register(Platform.META, RateLimit.perSecond(1000));
        budgets.sending(Platform.META);
        budgets.throttled(new ConnectorException.RateLimited(new Details(Platform.META, 429, null, "r", "slow down"),
                null), Duration.ofMillis(200));

        budgets.sending(Platform.META);

        Timer wait = meters.get(RateBudgets.WAIT).tag("platform", "meta").timer();
        assertThat(wait.count()).isEqualTo(2);
        assertThat(wait.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(150);
        assertThat(wait.getId().getTags()).extracting(t -> t.getKey()).containsExactly("platform");
    }
}
