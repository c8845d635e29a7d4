package com.syncledger.app.cli;

import com.syncledger.app.fetch.CredentialCheck;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.fetch.FetchError;
import com.syncledger.app.fetch.FetchSettings;
import com.syncledger.app.views.ApiJson;
import com.syncledger.app.views.PlatformsView;
import com.syncledger.app.views.PlatformsView.CheckView;
import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.ApiVersion;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "platforms", mixinStandardHelpOptions = true,
        description = {"List the nine platforms, whether credentials are configured (environment and .env), and the API "
                + "version each connector speaks with the version's published sunset.",
                "Warns when a sunset is at most 90 days away or past."})
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
        Map<Platform, CheckView> byPlatform = checks.stream().collect(Collectors.toMap(CredentialCheck::platform, c -> {
            FetchError e = c.error();
            return new CheckView(c.status().name().toLowerCase(Locale.ROOT), c.note(), e == null ? null : e.kind().slug(),
                    e == null ? null : e.message(), e == null ? null : e.platformCode(),
                    e == null ? null : e.requestId());
        }));
        return PlatformsView.of(env, LocalDate.now(ZoneOffset.UTC), byPlatform);
    }

    static void print(Env env, PrintWriter out) {
        out.println("Platform Credentials Status:");
        int configured = 0;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> warnings = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            boolean ok = PlatformCredentials.configured(platform, env);
            configured += ok ? 1 : 0;
            ApiVersion version = Connectors.factory(platform).apiVersion(env);
            out.printf("  %-22s %-10s %-15s API %-8s sunset %s%n", platform.displayName(), platform.slug(),
                    ok ? "Configured" : "Not configured", version.version(),
                    version.sunset().map(LocalDate::toString).orElse("unknown (" + version.policy() + ")"));
            version.warning(today).ifPresent(warnings::add);
        }
        warnings.forEach(w -> out.println("Warning: " + w));
        out.printf("Configured: %d/%d platforms%n", configured, Platform.values().length);
    }
}
