package com.syncledger.app.cli;

import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.wire.Env;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Link ad accounts to stores.",
        subcommands = {AccountsCommand.Link.class, AccountsCommand.Unlink.class, AccountsCommand.ListAccounts.class})
final class AccountsCommand extends CommandGroup {

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Link an ad account (PLATFORM=ID, e.g. google=123-456-7890) to a store.")
    static final class Link implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;
        @Option(names = "--store", required = true) long storeId;
        @Option(names = "--account", required = true, paramLabel = "PLATFORM=ID") String account;

        Link(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            AccountId id = AccountArgument.parse(account);
            AdAccount linked = LedgerSession.run(env, c -> c.getBean(AdAccounts.class).link(storeId, id));
            spec.commandLine().getOut().printf("Linked %s account %s to store %d as account %d.%n",
                    id.platform().displayName(), id.value(), storeId, linked.id());
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "unlink", mixinStandardHelpOptions = true,
            description = "Unlink an account from a store; its spend history is kept.")
    static final class Unlink implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;
        @Option(names = "--store", required = true) long storeId;
        @Option(names = "--account-id", required = true, description = "the linked account's number from `accounts list`")
        long accountId;

        Unlink(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            LedgerSession.run(env, c -> {
                c.getBean(AdAccounts.class).unlink(storeId, accountId);
                return null;
            });
            spec.commandLine().getOut().printf("Unlinked account %d from store %d.%n", accountId, storeId);
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a store's linked accounts.")
    static final class ListAccounts implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;
        @Option(names = "--store", required = true) long storeId;

        ListAccounts(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            LedgerSession.run(env, c -> c.getBean(AdAccounts.class).linked(storeId)).forEach(a ->
                    out.printf("%-5d %-10s %-38s %-4s %s%n", a.id(), a.platform().slug(), a.externalId(),
                            a.currency() == null ? "-" : a.currency(), a.timeZone() == null ? "-" : a.timeZone()));
            return SyncLedgerCommand.OK;
        }
    }
}
