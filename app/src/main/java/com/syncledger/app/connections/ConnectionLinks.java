package com.syncledger.app.connections;

import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.problem.NotFoundException;
import com.syncledger.connectors.spi.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links ad accounts to stores with a connection, checked first so a wrong one changes nothing. An account the store
 * already links keeps its row (and its history) and only changes the authorization it uses.
 */
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

    /**
     * Links each of {@code accountIds} (as the connection lists them) to store {@code storeId} with connection
     * {@code connectionId}, as the page after connecting offers; all or none.
     *
     * @return the store's linked accounts that now use the connection
     * @throws InvalidInputException when no account is given, one is not reachable by the connection, or the
     *                               connection is revoked
     */
    @Transactional
    public List<AdAccount> linkReachable(long connectionId, long storeId, List<String> accountIds) {
        Connection connection = connections.find(connectionId)
                .orElseThrow(() -> new NotFoundException("no connection " + connectionId));
        if (connection.status() == Connection.Status.REVOKED) {
            throw new InvalidInputException("connectionId", "connection " + connectionId + " is revoked");
        }
        if (accountIds.isEmpty()) {
            throw new InvalidInputException("accountId", "choose at least one account to link");
        }
        for (String id : accountIds) {
            if (!connection.accountIds().contains(id)) {
                throw new InvalidInputException("accountId", "account " + id + " is not reachable by connection "
                        + connectionId);
            }
        }
        List<AdAccount> linked = new ArrayList<>();
        List<AdAccount> already = accounts.linked(storeId);
        for (String id : accountIds) {
            AccountId account = AccountId.of(connection.platform(), id);
            Optional<AdAccount> existing = already.stream()
                    .filter(a -> a.platform() == account.platform() && a.externalId().equals(account.value()))
                    .findFirst();
            if (existing.isPresent()) {
                connections.assign(existing.get().id(), connectionId);
                linked.add(existing.get());
            } else {
                linked.add(accounts.link(storeId, account, connectionId));
            }
        }
        return linked;
    }
}
