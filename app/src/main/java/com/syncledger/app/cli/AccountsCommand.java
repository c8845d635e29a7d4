package com.syncledger.app.cli;

import com.syncledger.app.connections.ConnectionLinks;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.views.ApiModel.AccountView;
import com.syncledger.connectors.spi.AccountId;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Link ad accounts to stores.",
        subcommands = {AccountsCommand.Link.class, AccountsCommand.Unlink.class, AccountsCommand.ListAccounts.class})
final class AccountsCommand extends CommandGroup {

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Link an ad account (PLATFORM=ID, e.g. google=123-456-7890) to a store.")
    static final class Link extends StoreCommand {
        @Option(names = "--account", required = true, paramLabel = "PLATFORM=ID") String account;
        @Option(names = "--connection", paramLabel = "ID",
                description = "fetch it with this connection (see `connections list`), not the environment's credentials")
        Long connection;
        @Autowired ConnectionLinks links;

        @Override
        public Integer call() {
            AccountId id = AccountArgument.parse(account);
            AdAccount linked = links.link(store.id, id, connection);
            session.out().printf("Linked %s account %s to store %d as account %d%s.%n",
                    id.platform().displayName(), id.value(), store.id, linked.id(),
                    connection == null ? "" : " with connection " + connection);
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "unlink", mixinStandardHelpOptions = true,
            description = "Unlink an account from a store; its spend history is kept.")
    static final class Unlink extends StoreCommand {
        @Option(names = "--account-id", required = true, description = "the linked account's number from `accounts list`")
        long accountId;
        @Autowired AdAccounts accounts;

        @Override
        public Integer call() {
            accounts.unlink(store.id, accountId);
            session.out().printf("Unlinked account %d from store %d.%n", accountId, store.id);
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a store's linked accounts.")
    static final class ListAccounts extends StoreCommand {
        @Mixin JsonOption output;
        @Autowired AdAccounts accounts;

        @Override
        public Integer call() {
            List<AdAccount> linked = accounts.linked(store.id);
            return output.print(session.out(), linked, rows -> rows.stream().map(AccountView::of).toList(),
                    rows -> rows.forEach(a -> session.out().printf("%-5d %-10s %-38s %-4s %s%n", a.id(),
                            a.platform().slug(), a.externalId(), a.currency() == null ? "-" : a.currency(),
                            a.timeZone() == null ? "-" : a.timeZone())));
        }
    }
}
