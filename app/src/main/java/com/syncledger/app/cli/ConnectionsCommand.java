package com.syncledger.app.cli;

import com.syncledger.app.access.Caller;
import com.syncledger.app.connections.ConnectCallback;
import com.syncledger.app.connections.ConnectException;
import com.syncledger.app.connections.ConnectFlow;
import com.syncledger.app.connections.ConnectStart;
import com.syncledger.app.connections.Connected;
import com.syncledger.app.connections.ConnectedJson;
import com.syncledger.app.connections.ConnectionExpiry;
import com.syncledger.app.connections.ConnectionStatuses;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.connections.ConnectionView;
import com.syncledger.app.problem.NotFoundException;
import com.syncledger.app.views.ApiJson;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connections}: each client's own authorization on a platform. Its subcommands are listed here; one that
 * reads the ledger extends {@link ConnectionsCommand.Sub} for its session.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "Clients' own platform authorizations: connect one, list them, watch their expiry, revoke one.",
        subcommands = {ConnectionsCommand.Add.class, ConnectionsCommand.Complete.class,
                ConnectionsCommand.ListConnections.class, ConnectionsCommand.Expiry.class,
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

    /**
     * A subcommand listing connections: the ones {@code rows} reads, each seen by {@code view} at the time they were
     * read; with {@code --json} the list of views, else one table line each as {@code line} spells it.
     */
    abstract static class ListingSub<V> extends Sub {
        @Mixin JsonOption output;
        @Autowired ConnectionStatuses statuses;

        private final Function<ConnectionStatuses, List<ConnectionExpiry>> rows;
        private final BiFunction<ConnectionExpiry, Instant, V> view;
        private final Function<V, String> line;

        ListingSub(Function<ConnectionStatuses, List<ConnectionExpiry>> rows,
                BiFunction<ConnectionExpiry, Instant, V> view, Function<V, String> line) {
            this.rows = rows;
            this.view = view;
            this.line = line;
        }

        @Override
        public final Integer call() {
            Instant now = statuses.now();
            List<V> views = rows.apply(statuses).stream().map(e -> view.apply(e, now)).toList();
            PrintWriter out = session.out();
            return output.print(out, views, v -> v, v -> v.forEach(row -> out.print(line.apply(row))));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the connections with their status and expected end; never a token.")
    static final class ListConnections extends ListingSub<ConnectionView> {
        ListConnections() {
            super(ConnectionStatuses::all, ConnectionView::of, v -> String.format("%-5d %-10s %-9s %-24s %-8s %s%n",
                    v.id(), v.platform(), v.status(), when(v.expiresAt()), v.expires() == null ? "-" : v.expires(),
                    v.label()));
        }
    }

    @Command(name = "expiry", mixinStandardHelpOptions = true,
            description = "The connections soonest to end first: expired ones, then by end; revoked last.")
    static final class Expiry extends ListingSub<ConnectionView.Expiry> {
        Expiry() {
            super(ConnectionStatuses::soonestFirst, ConnectionView.Expiry::of, v -> String.format(
                    "%-10s %-9s %-24s %-10s %-8s %d %s%n", v.platform(), v.status(), when(v.expiresAt()),
                    left(v.secondsLeft()), v.expires() == null ? "-" : v.expires(), v.id(), v.label()));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a connection: its tokens are wiped; its accounts stay linked and report not_configured.")
    static final class Revoke extends Sub {
        @Parameters(paramLabel = "ID", description = "the connection's id from `connections list`") long id;
        @Autowired ConnectionStore store;

        @Override
        public Integer call() {
            store.revoke(id).orElseThrow(() -> new NotFoundException("no connection " + id));
            session.out().printf("Revoked connection %d: its tokens are wiped; its accounts report not_configured.%n", id);
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Start connecting a client's authorization: prints the platform's consent page to open.")
    static final class Add extends Sub {
        @Mixin JsonOption output;
        @Option(names = "--platform", required = true, description = "the platform's slug, e.g. meta") String platform;
        @Option(names = "--label", description = "what to call the connection, e.g. the client's name") String label;
        @Option(names = "--store", description = "the store its accounts are meant for") Long store;
        @Autowired ConnectFlow flow;

        @Override
        public Integer call() {
            ConnectStart started;
            try {
                started = flow.start(platform, label, store, Caller.CLI);
            } catch (ConnectException e) {
                return session.refused(e);
            }
            PrintWriter out = session.out();
            if (output.json) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("platform", started.platform().slug());
                body.put("label", started.label());
                body.put("storeId", started.storeId().orElse(null));
                body.put("authorizeUrl", started.authorizeUrl().toString());
                body.put("state", started.state());
                body.put("expiresAt", started.expiresAt().toString());
                out.println(ApiJson.write(body));
                return SyncLedgerCommand.OK;
            }
            out.println("Open this address in a browser where the client can sign in to "
                    + started.platform().displayName() + ":");
            out.println();
            out.println("  " + started.authorizeUrl());
            out.println();
            out.println("After the client consents, the platform sends the browser back with a code. Copy the whole");
            out.println("address it lands on and run (before " + started.expiresAt() + "):");
            out.println();
            out.println("  syncledger connections complete --url '<the address>'");
            out.println();
            out.println("or: syncledger connections complete --code <code> --state " + started.state());
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "complete", mixinStandardHelpOptions = true,
            description = "Finish connecting with the code the platform sent back: stores the connection and lists "
                    + "the ad accounts it reaches.")
    static final class Complete extends Sub {
        @Mixin JsonOption output;
        @Autowired ConnectFlow flow;
        @ArgGroup(exclusive = true, multiplicity = "1") Source source;

        static final class Source {
            @ArgGroup(exclusive = false) CodeAndState codeAndState;
            @Option(names = "--url", required = true,
                    description = "the whole address the platform sent the browser back to") String url;
        }

        static final class CodeAndState {
            @Option(names = "--code", required = true, description = "the code the platform sent back") String code;
            @Option(names = "--state", required = true, description = "the state printed by `connections add`")
            String state;
        }

        @Override
        public Integer call() {
            String platform = null;
            ConnectCallback callback;
            if (source.url != null) {
                URI url;
                try {
                    url = URI.create(source.url.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--url is not an address: copy the whole address the browser"
                            + " landed on");
                }
                platform = ConnectCallback.platformOf(url).orElse(null);
                callback = ConnectCallback.fromUrl(url);
            } else {
                callback = new ConnectCallback(source.codeAndState.code, source.codeAndState.state, null, null);
            }
            Connected connected;
            try {
                connected = flow.complete(platform, callback);
            } catch (ConnectException e) {
                return session.refused(e);
            }
            PrintWriter out = session.out();
            if (output.json) {
                out.println(ApiJson.write(ConnectedJson.of(connected)));
                return SyncLedgerCommand.OK;
            }
            var c = connected.connection();
            out.printf("Connected %s as connection %d \"%s\" (%s); it reaches %d ad account%s:%n",
                    c.platform().displayName(), c.id(), c.label(), c.status().wire(), connected.accounts().size(),
                    connected.accounts().size() == 1 ? "" : "s");
            connected.accounts().forEach(a -> out.printf("  %-24s %s%n", a.id().value(), a.name() == null ? "" : a.name()));
            return SyncLedgerCommand.OK;
        }
    }
}
