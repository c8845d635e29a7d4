package com.syncledger.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConnectStateSignerTest {

    private final ConnectStateSigner signer = new ConnectStateSigner(new byte[32]);

    @Test
    void aStateItSignedVerifiesAndAnyChangedCharacterDoesNot() {
        String state = signer.newState();
        assertThat(signer.verify(state)).isTrue();
        for (int i = 0; i < state.length(); i++) {
            if (state.charAt(i) == '.') {
                continue;
            }
            for (char other : "AQgx-_".toCharArray()) {
                if (other != state.charAt(i)) {
                    String changed = state.substring(0, i) + other + state.substring(i + 1);
                    assertThat(signer.verify(changed)).as("changed at %d to %s", i, other).isFalse();
                }
            }
        }
    }

    @Test
    void anotherSpellingOfTheSameBytesIsRefused() {
        String state = signer.newState();
        String signature = state.substring(state.indexOf('.') + 1);
        // 32 signature bytes take 43 characters; the last one carries 2 spare bits, so 4 spellings decode alike.
        char last = signature.charAt(signature.length() - 1);
        int alphabetIndex = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last);
        char sibling = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(alphabetIndex ^ 1);
        String respelled = state.substring(0, state.length() - 1) + sibling;
        assertThat(Base64.getUrlDecoder().decode(respelled.substring(respelled.indexOf('.') + 1)))
                .isEqualTo(Base64.getUrlDecoder().decode(signature));
        assertThat(signer.verify(respelled)).isFalse();
    }
}
