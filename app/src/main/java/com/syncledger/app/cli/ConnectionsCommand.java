package com.syncledger.app.cli;

import com.syncledger.app.connections.ConnectionExpiry;
import com.syncledger.app.connections.ConnectionStatuses;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.connections.ConnectionView;
import com.syncledger.app.problem.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code connections}: each client's own authorization on a platform. Its subcommands are listed here; one that
 * reads the ledger extends {@link ConnectionsCommand.Sub} for its session.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "Clients' own platform authorizations: list them, watch their expiry, revoke one.",
        subcommands = {ConnectionsCommand.ListConnections.class, ConnectionsCommand.Expiry.class,
                ConnectionsCommand.Revoke.class})
final class ConnectionsCommand extends CommandGroup {

    /** A subcommand working on the ledger's connections. */
    abstract static class Sub implements Callable<Integer> {
        @Mixin Session session;
    }

    /** A point in time for a table: the instant, or {@code -}. */
    static String when(Instant instant) {
        return instant == null ? "-" : instant.toString();
    }

    /** Seconds left as days and hours for a table, e.g. {@code 12d 4h}, or {@code -}. */
    static String left(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        Duration d = Duration.ofSeconds(Math.abs(seconds));
        return (seconds < 0 ? "-" : "") + d.toDays() + "d " + d.toHoursPart() + "h";
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the connections with their status and expected end; never a token.")
    static final class ListConnections extends Sub {
        @Mixin JsonOption output;

        @Override
        public Integer call() {
            Listing listing = session.call(ConnectionStatuses.class, s -> new Listing(s.now(), s.all()));
            return output.print(session.out(), listing,
                    l -> l.rows().stream().map(e -> ConnectionView.of(e, l.now())).toList(),
                    l -> l.rows().stream().map(e -> ConnectionView.of(e, l.now())).forEach(v -> session.out().printf(
                            "%-5d %-10s %-9s %-24s %-8s %s%n", v.id(), v.platform(), v.status(), when(v.expiresAt()),
                            v.expires() == null ? "-" : v.expires(), v.label())));
        }
    }

    @Command(name = "expiry", mixinStandardHelpOptions = true,
            description = "The connections soonest to end first: expired ones, then by end; revoked last.")
    static final class Expiry extends Sub {
        @Mixin JsonOption output;

        @Override
        public Integer call() {
            Listing listing = session.call(ConnectionStatuses.class, s -> new Listing(s.now(), s.soonestFirst()));
            return output.print(session.out(), listing,
                    l -> l.rows().stream().map(e -> ConnectionView.Expiry.of(e, l.now())).toList(),
                    l -> l.rows().stream().map(e -> ConnectionView.Expiry.of(e, l.now())).forEach(v -> session.out()
                            .printf("%-10s %-9s %-24s %-10s %-8s %d %s%n", v.platform(), v.status(),
                                    when(v.expiresAt()), left(v.secondsLeft()), v.expires() == null ? "-" : v.expires(),
                                    v.id(), v.label())));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a connection: its tokens are wiped; its accounts stay linked and report not_configured.")
    static final class Revoke extends Sub {
        @Parameters(paramLabel = "ID", description = "the connection's id from `connections list`") long id;

        @Override
        public Integer call() {
            session.run(ConnectionStore.class, store -> store.revoke(id)
                    .orElseThrow(() -> new NotFoundException("no connection " + id)));
            session.out().printf("Revoked connection %d: its tokens are wiped; its accounts report not_configured.%n", id);
            return SyncLedgerCommand.OK;
        }
    }

    private record Listing(Instant now, List<ConnectionExpiry> rows) {
    }
}
