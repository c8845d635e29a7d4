package com.syncledger.sandbox;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a platform's consent page reads its request and answers: the path it is served at, the names of its
 * client and code parameters, and whether it takes a PKCE challenge.
 *
 * @param path        the consent page's path (a pattern, for versioned paths)
 * @param clientParam the query parameter naming the app ({@code client_id}; TikTok's {@code app_id})
 * @param codeParams  the callback parameters carrying the code (TikTok sends both {@code auth_code} and {@code code})
 * @param pkce        whether a {@code code_challenge} (S256) is read and later checked against the verifier
 */
public record AuthorizeEndpoint(Pattern path, String clientParam, List<String> codeParams, boolean pkce) {

    public static AuthorizeEndpoint standard(String path, boolean pkce) {
        return new AuthorizeEndpoint(Pattern.compile(Pattern.quote(path)), "client_id", List.of("code"), pkce);
    }

    public boolean serves(String requestPath) {
        return path.matcher(requestPath).matches();
    }
}
