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
 * Links ad accounts a connection reaches to a store, each fetched with that connection from then on. An account
 * the store already links keeps its row (and its history) and only changes the authorization it uses.
 */
@Component
public class ConnectionLinks {

    private final ConnectionStore connections;
    private final AdAccounts accounts;

    ConnectionLinks(ConnectionStore connections, AdAccounts accounts) {
        this.connections = connections;
        this.accounts = accounts;
    }

    /**
     * Links each of {@code accountIds} (as the connection lists them) to store {@code storeId} with connection
     * {@code connectionId}; all or none.
     *
     * @return the store's linked accounts that now use the connection
     * @throws InvalidInputException when no account is given or one is not reachable by the connection
     */
    @Transactional
    public List<AdAccount> link(long connectionId, long storeId, List<String> accountIds) {
        Connection connection = connections.find(connectionId)
                .orElseThrow(() -> new NotFoundException("no connection " + connectionId));
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
            AdAccount row = existing.orElseGet(() -> accounts.link(storeId, account));
            connections.assign(row.id(), connectionId);
            linked.add(row);
        }
        return linked;
    }
}
