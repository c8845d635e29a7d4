package com.syncledger.app.connections;

import com.syncledger.app.problem.ProblemException;
import com.syncledger.app.problem.ProblemKind;
import java.util.Locale;
import java.util.Map;

/**
 * Why a connection was not made. Its message names what went wrong in words a user can act on and never
 * carries a token or a state; nothing was stored when it is thrown.
 */
public final class ConnectException extends ProblemException {

    public enum Reason {
        /** No {@code SYNCLEDGER_SECRET_KEY}: tokens could not be sealed, states not signed. */
        NO_SECRET_KEY(ProblemKind.NOT_CONFIGURED),
        /** The platform's client settings (the agency app's id and secret) are not set. */
        NO_CLIENT_SETTINGS(ProblemKind.NOT_CONFIGURED),
        /** The state is not one this server signed: altered, truncated or made elsewhere. */
        TAMPERED_STATE(ProblemKind.CONNECT_REFUSED),
        /** A signed state with no authorization under way: already used, or never stored. */
        UNKNOWN_STATE(ProblemKind.CONNECT_REFUSED),
        EXPIRED_STATE(ProblemKind.CONNECT_REFUSED),
        /** The callback arrived for another platform than the one the authorization started with. */
        WRONG_PLATFORM(ProblemKind.CONNECT_REFUSED),
        /** The platform sent the browser back with an error (e.g. the client declined). */
        PLATFORM_ERROR(ProblemKind.CONNECT_REFUSED),
        /** The platform refused to exchange the code for tokens, or could not be reached for it. */
        EXCHANGE_FAILED(ProblemKind.CONNECT_REFUSED),
        /** The platform's account listing failed for the new token. */
        ACCOUNTS_FAILED(ProblemKind.CONNECT_REFUSED);

        private final ProblemKind kind;

        Reason(ProblemKind kind) {
            this.kind = kind;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    ConnectException(Reason reason, String message) {
        super(reason.kind, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("reason", reason.wire());
    }
}
