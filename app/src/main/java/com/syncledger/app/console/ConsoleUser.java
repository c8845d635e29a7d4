package com.syncledger.app.console;

import com.syncledger.app.access.Caller;
import com.syncledger.app.access.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Who signed in to the console, as kept in the server-side session: the key's role and fingerprint, and
 * the session's form token. The key itself is never kept, in the session or anywhere else.
 *
 * @param formToken a random per-session token every console form carries and every POST must return
 */
public record ConsoleUser(Role role, String fingerprint, String formToken) implements Serializable {

    private static final String ATTRIBUTE = ConsoleUser.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    static ConsoleUser signedIn(Caller caller) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return new ConsoleUser(caller.role(), caller.fingerprint(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }

    public boolean canWrite() {
        return role.allows(Role.WRITE);
    }

    void keepIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    static Optional<ConsoleUser> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof ConsoleUser user
                ? Optional.of(user) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + fingerprint + " (" + role.slug() + ")]";
    }
}
