package com.syncledger.app.sync;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;

/** The scheduled turn's schedule: first {@code initialDelay} after the cluster first starts, then {@code interval} after each turn. */
record IntervalAfterDelay(Duration interval, Duration initialDelay) implements Schedule {

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return now.plus(initialDelay);
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return executionComplete.getTimeDone().plus(interval);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
