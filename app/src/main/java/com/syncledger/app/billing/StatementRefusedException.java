package com.syncledger.app.billing;

/** An issue refused because the statement still has gaps; carries the provisional statement that lists them. */
public final class StatementRefusedException extends RuntimeException {

    private final transient Statement statement;

    StatementRefusedException(Statement statement) {
        super("the statement of store " + statement.storeId() + " for " + statement.billingPeriod()
                + " cannot be issued: " + statement.gaps().size() + " gap(s) remain ("
                + String.join("; ", statement.gaps().stream().map(Gap::describe).toList()) + ")");
        this.statement = statement;
    }

    public Statement statement() {
        return statement;
    }
}
