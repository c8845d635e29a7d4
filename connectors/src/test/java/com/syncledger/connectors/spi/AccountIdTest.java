package com.syncledger.connectors.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AccountIdTest {

    @ParameterizedTest
    @CsvSource({
            "meta, act_1234567890, 1234567890",
            "meta, 1234567890, 1234567890",
            "google, 123-456-7890, 1234567890",
            "google, 1234567890, 1234567890",
            "tiktok, 7001234567890123456, 7001234567890123456",
            "linkedin, urn:li:sponsoredAccount:512345678, 512345678",
            "linkedin, 512345678, 512345678",
            "amazon, 3141592653589793, 3141592653589793",
            "microsoft, 149012345, 149012345",
            "snapchat, 7057E31F-B908-4BC7-85DD-88169F53E08D, 7057e31f-b908-4bc7-85dd-88169f53e08d",
            "pinterest, 547602124502, 547602124502",
            "reddit, a2_abc123, a2_abc123",
            "reddit, t2_xyz, t2_xyz",
    })
    void acceptsEachPlatformsFormatsAndCanonicalises(String platform, String input, String canonical) {
        AccountId id = AccountId.of(Platform.fromSlug(platform), input);
        assertThat(id.value()).isEqualTo(canonical);
        assertThat(id.input()).isEqualTo(input);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "meta|act_12ab|Meta",
            "meta|''|Meta",
            "google|123-456-789|10-digit customer id",
            "google|12345678901|10-digit customer id",
            "tiktok|7001-2|TikTok",
            "linkedin|urn:li:sponsoredCampaign:1|LinkedIn",
            "amazon|-1|Amazon",
            "microsoft|12.5|Microsoft",
            "snapchat|not-a-uuid|UUID",
            "pinterest|1234567890123456789|18 digits",
            "reddit|abc123|a2_",
            "reddit|a2_ABC|a2_",
            "tiktok|1; drop table store|TikTok",
    })
    void rejectsMalformedIdsNamingThePlatformAndTheFormat(String platform, String input, String expected) {
        assertThatThrownBy(() -> AccountId.of(Platform.fromSlug(platform), input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Platform.fromSlug(platform).displayName())
                .hasMessageContaining("expected")
                .hasMessageContaining(expected);
    }

    @Test
    void unknownPlatformListsTheValidSlugs() {
        assertThatThrownBy(() -> Platform.fromSlug("myspace"))
                .hasMessage("unknown platform 'myspace'; expected one of: "
                        + "meta, google, tiktok, linkedin, amazon, microsoft, snapchat, pinterest, reddit");
    }
}
