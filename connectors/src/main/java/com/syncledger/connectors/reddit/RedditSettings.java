package com.syncledger.connectors.reddit;

import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * What the Reddit connector reads from its environment.
 *
 * @param baseUrl   API root, scheme://host[:port]; the documented {@code /api/v3/...} paths are appended
 * @param userAgent sent on every request, token calls included: Reddit throttles or blocks generic agents
 */
public record RedditSettings(URI baseUrl, URI tokenUrl, String apiVersion, String userAgent, String clientId,
        Secret clientSecret, Secret refreshToken, Secret accessToken) {

    public static final String DEFAULT_BASE_URL = "https://ads-api.reddit.com";
    public static final String DEFAULT_TOKEN_URL = "https://www.reddit.com/api/v1/access_token";
    public static final String DEFAULT_API_VERSION = "v3";
    /** Reddit asks for {@code <platform>:<app id>:<version> (by <owner>)}. */
    public static final String DEFAULT_USER_AGENT = "java:com.syncledger:0.1 (by SyncLedger)";

    public static final String API_VERSION_VAR = "REDDIT_API_VERSION";
    public static final String USER_AGENT_VAR = "REDDIT_USER_AGENT";
    public static final String REFRESH_TOKEN_VAR = "REDDIT_REFRESH_TOKEN";
    public static final String ACCESS_TOKEN_VAR = "REDDIT_ACCESS_TOKEN";

    private static final Pattern API_VERSION = Pattern.compile("v\\d{1,2}");

    public RedditSettings {
        if (accessToken == null && (refreshToken == null || clientId == null)) {
            throw new IllegalArgumentException("Reddit needs " + ACCESS_TOKEN_VAR + ", or " + REFRESH_TOKEN_VAR
                    + " with " + RedditFactory.NAMES.clientId() + " and "
                    + RedditFactory.NAMES.clientSecret());
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException(USER_AGENT_VAR + " must not be blank: Reddit blocks requests without one");
        }
    }

    public static RedditSettings fromEnv(Env env) {
        String baseVar = RedditFactory.NAMES.baseUrl();
        String tokenVar = RedditFactory.NAMES.tokenUrl();
        String version = env.getOrDefault(API_VERSION_VAR, DEFAULT_API_VERSION);
        if (!API_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(API_VERSION_VAR + " must look like v3, got '" + version + "'");
        }
        return new RedditSettings(
                apiRoot(baseVar, env.url(baseVar, DEFAULT_BASE_URL)),
                env.url(tokenVar, DEFAULT_TOKEN_URL),
                version,
                env.getOrDefault(USER_AGENT_VAR, DEFAULT_USER_AGENT),
                env.get(RedditFactory.NAMES.clientId()).orElse(null),
                env.secret(RedditFactory.NAMES.clientSecret()),
                env.secret(REFRESH_TOKEN_VAR),
                env.secret(ACCESS_TOKEN_VAR));
    }

    /** The documented path under the versioned API, e.g. {@code /api/v3/ad_accounts/a2_x}. */
    public String apiPath(String relative) {
        return "/api/" + apiVersion + "/" + relative;
    }

    public URI apiUrl(String relative) {
        return URI.create(baseUrl + apiPath(relative));
    }

    private static URI apiRoot(String variable, URI uri) {
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty()) {
            throw new IllegalArgumentException(variable + " must be scheme://host[:port] (e.g. " + DEFAULT_BASE_URL
                    + "); the /api/" + DEFAULT_API_VERSION + " paths are added by SyncLedger, got path " + path);
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }
}
