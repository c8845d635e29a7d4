package com.syncledger.app.connections;

import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.AccountId;
import org.springframework.stereotype.Component;

/** Links ad accounts to stores with a connection, checked first so a wrong one changes nothing. */
@Component
public class ConnectionLinks {

    private final AdAccounts accounts;
    private final ConnectionStore connections;

    public ConnectionLinks(AdAccounts accounts, ConnectionStore connections) {
        this.accounts = accounts;
        this.connections = connections;
    }

    /**
     * Links {@code account} to the store, fetched with connection {@code connectionId}; null links it with the
     * platform's credentials from the environment.
     *
     * @throws InvalidInputException (field {@code connectionId}) when the connection is unknown, revoked, or of
     *                               another platform than the account
     */
    public AdAccount link(long storeId, AccountId account, Long connectionId) {
        if (connectionId != null) {
            Connection connection = connections.find(connectionId).orElseThrow(() -> new InvalidInputException(
                    "connectionId", "no connection " + connectionId));
            if (connection.platform() != account.platform()) {
                throw new InvalidInputException("connectionId", "connection " + connectionId + " is on "
                        + connection.platform().displayName() + ", not " + account.platform().displayName());
            }
            if (connection.status() == Connection.Status.REVOKED) {
                throw new InvalidInputException("connectionId", "connection " + connectionId + " is revoked");
            }
        }
        return accounts.link(storeId, account, connectionId);
    }
}
