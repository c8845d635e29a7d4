package com.syncledger.sandbox;

import com.syncledger.sandbox.amazon.AmazonAdsFake;
import com.syncledger.sandbox.google.GoogleAdsFake;
import com.syncledger.sandbox.linkedin.LinkedInFake;
import com.syncledger.sandbox.meta.MetaFake;
import com.syncledger.sandbox.microsoft.MicrosoftFake;
import com.syncledger.sandbox.pinterest.PinterestFake;
import com.syncledger.sandbox.reddit.RedditFake;
import com.syncledger.sandbox.snapchat.SnapchatFake;
import com.syncledger.sandbox.tiktok.TikTokFake;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** All fake platforms together, each on its own loopback port. */
public final class Sandbox implements AutoCloseable {

    /** Every fake the sandbox knows, one line per platform. */
    private static final List<Supplier<FakePlatform>> FAKES = List.of(
            MetaFake::new,
            GoogleAdsFake::new,
            TikTokFake::new,
            LinkedInFake::new,
            AmazonAdsFake::new,
            MicrosoftFake::new,
            SnapchatFake::new,
            PinterestFake::new,
            RedditFake::new
    );

    private final Map<String, FakePlatform> fakes = new LinkedHashMap<>();

    private Sandbox() {
    }

    /** Starts every fake, without accounts. */
    public static Sandbox start() {
        Sandbox sandbox = new Sandbox();
        for (Supplier<FakePlatform> fake : FAKES) {
            FakePlatform platform = fake.get().start();
            sandbox.fakes.put(platform.slug(), platform);
        }
        return sandbox;
    }

    /** Starts every fake with the deterministic demo accounts of {@link DemoData}. */
    public static Sandbox startWithDemoData() {
        Sandbox sandbox = start();
        DemoData.seed(sandbox);
        return sandbox;
    }

    public FakePlatform fake(String slug) {
        FakePlatform fake = fakes.get(slug);
        if (fake == null) {
            throw new IllegalArgumentException("no sandbox fake for '" + slug + "'; have " + fakes.keySet());
        }
        return fake;
    }

    /** Every fake keeps only its last {@code count} requests (for a sandbox that runs for hours). */
    public Sandbox recordAtMost(int count) {
        fakes.values().forEach(fake -> fake.recordAtMost(count));
        return this;
    }

    public Map<String, FakePlatform> fakes() {
        return Map.copyOf(fakes);
    }

    /** Environment variables pointing SyncLedger at every fake, with working credentials. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        fakes.values().forEach(f -> env.putAll(f.environment()));
        return env;
    }

    @Override
    public void close() {
        fakes.values().forEach(FakePlatform::close);
    }
}
