package com.syncledger.app.billing;

import com.syncledger.app.problem.ProblemException;
import com.syncledger.app.problem.ProblemKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An issue refused because the statement still has gaps; carries the provisional statement that lists them.
 * Over HTTP it answers with the gaps and the provisional statement, so the caller sees what to fix.
 */
public final class StatementRefusedException extends ProblemException {

    private final transient Statement statement;

    StatementRefusedException(Statement statement) {
        super(ProblemKind.STATEMENT_NOT_SETTLED, "the statement of store " + statement.storeId() + " for "
                + statement.billingPeriod() + " cannot be issued: " + statement.gaps().size() + " gap(s) remain ("
                + String.join("; ", statement.gaps().stream().map(Gap::describe).toList()) + ")");
        this.statement = statement;
    }

    public Statement statement() {
        return statement;
    }

    @Override
    public Map<String, Object> problemProperties() {
        Map<String, Object> tree = StatementDocument.tree(statement);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("gaps", tree.get("gaps"));
        properties.put("statement", tree);
        return properties;
    }
}
