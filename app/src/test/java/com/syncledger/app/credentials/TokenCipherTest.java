package com.syncledger.app.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void roundTripsWithoutTheTokenInTheStoredBytes() {
        TokenCipher cipher = TokenCipher.fromBase64(KEY);
        byte[] sealed = cipher.encrypt("refresh-TOKEN-value", "microsoft");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("refresh-TOKEN-value");
        assertThat(cipher.decrypt(sealed, "microsoft")).isEqualTo("refresh-TOKEN-value");
        assertThat(cipher.encrypt("refresh-TOKEN-value", "microsoft")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void refusesAlteredDataAnotherRowOrAnotherKey() {
        TokenCipher cipher = TokenCipher.fromBase64(KEY);
        byte[] sealed = cipher.encrypt("s3cr3t-value", "reddit");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(altered, "reddit")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "pinterest")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TokenCipher.fromBase64(OTHER_KEY).decrypt(sealed, "reddit"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void aKeyMustBeThirtyTwoBytesOfBase64() {
        assertThatThrownBy(() -> TokenCipher.fromBase64("not base64!")).hasMessageContaining("must be base64");
        assertThatThrownBy(() -> TokenCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThat(TokenCipher.fromBase64(KEY)).hasToString("TokenCipher[AES-256-GCM, key ****]");
    }
}
