package com.syncledger.app.problem;

import java.util.Map;
import java.util.Objects;

/**
 * An exception that names the kind of problem it answers with and the extension members the problem carries
 * beside its detail (the message), so a module shapes its own problems without this package knowing its types.
 */
public abstract class ProblemException extends RuntimeException {

    private final ProblemKind kind;

    protected ProblemException(ProblemKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public final ProblemKind problemKind() {
        return kind;
    }

    /** Extension members of the problem, in the order they are written. */
    public abstract Map<String, Object> problemProperties();
}
