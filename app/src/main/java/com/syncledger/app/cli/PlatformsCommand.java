package com.syncledger.app.cli;

import com.syncledger.app.fetch.CredentialCheck;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.fetch.FetchError;
import com.syncledger.app.fetch.FetchSettings;
import com.syncledger.app.views.ApiJson;
import com.syncledger.app.views.PlatformsView;
import com.syncledger.app.views.PlatformsView.CheckView;
import com.syncledger.app.views.PlatformsView.PlatformView;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "platforms", mixinStandardHelpOptions = true,
        description = "List the nine platforms and whether credentials are configured (environment and .env).")
final class PlatformsCommand implements Callable<Integer> {

    @Mixin Session session;

    @Option(names = "--check", description = {
            "Also make one cheap authenticated call per configured platform and report whether its credentials "
                    + "work, with the platform's own error when they do not.",
            "Exit status 1 when any check failed."})
    boolean check;

    @Option(names = "--json", description = "Print each platform as JSON: configured or not, and the check's result "
            + "with --check.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = session.out();
        if (!json) {
            print(session.env(), out);
        }
        if (!check) {
            if (json) {
                out.println(ApiJson.write(view(session.env(), List.of())));
            }
            return SyncLedgerCommand.OK;
        }
        FetchSettings settings;
        try {
            settings = FetchSettings.fromEnv(session.env());
        } catch (IllegalArgumentException e) {
            return session.refused(e);
        }
        List<CredentialCheck> checks = PlatformSession.run(session.env(), settings, FetchEngine::checkCredentials);
        if (json) {
            out.println(ApiJson.write(view(session.env(), checks)));
        } else {
            out.println();
            out.println("Credential check:");
            checks.forEach(c -> out.printf("  %-22s %s%n", c.platform().displayName(), c.describe()));
        }
        boolean anyFailed = checks.stream().anyMatch(c -> c.status() == CredentialCheck.Status.FAILED);
        return anyFailed ? SyncLedgerCommand.FAILED : SyncLedgerCommand.OK;
    }

    /** The nine platforms, configured or not, each with its check when {@code checks} has one. */
    static PlatformsView view(Env env, List<CredentialCheck> checks) {
        Map<Platform, CredentialCheck> byPlatform = checks.stream()
                .collect(Collectors.toMap(CredentialCheck::platform, Function.identity()));
        List<PlatformView> platforms = Arrays.stream(Platform.values()).map(p -> {
            CredentialCheck c = byPlatform.get(p);
            FetchError e = c == null ? null : c.error();
            CheckView checked = c == null ? null : new CheckView(c.status().name().toLowerCase(Locale.ROOT),
                    c.note(), e == null ? null : e.kind().slug(), e == null ? null : e.message(),
                    e == null ? null : e.platformCode(), e == null ? null : e.requestId());
            return new PlatformView(p.slug(), p.displayName(), PlatformCredentials.configured(p, env), checked);
        }).toList();
        return new PlatformsView(platforms, (int) platforms.stream().filter(PlatformView::configured).count(),
                platforms.size());
    }

    static void print(Env env, PrintWriter out) {
        out.println("Platform Credentials Status:");
        int configured = 0;
        for (Platform platform : Platform.values()) {
            boolean ok = PlatformCredentials.configured(platform, env);
            configured += ok ? 1 : 0;
            out.printf("  %-22s %-10s %s%n", platform.displayName(), platform.slug(),
                    ok ? "Configured" : "Not configured");
        }
        out.printf("Configured: %d/%d platforms%n", configured, Platform.values().length);
    }
}
