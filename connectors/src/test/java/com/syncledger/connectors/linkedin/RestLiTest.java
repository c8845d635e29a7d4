package com.syncledger.connectors.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The encoding examples of LinkedIn's official Rest.li client tests. */
class RestLiTest {

    @Test
    void leavesAreFullyPercentEncoded() {
        assertThat(RestLi.leaf(" t?':,*!")).isEqualTo("%20t%3F%27%3A%2C%2A%21");
        assertThat(RestLi.leaf("urn:li:sponsoredAccount:512345678")).isEqualTo("urn%3Ali%3AsponsoredAccount%3A512345678");
        assertThat(RestLi.leaf("a+b&c=d(e)")).isEqualTo("a%2Bb%26c%3Dd%28e%29");
        assertThat(RestLi.leaf("Zürich")).isEqualTo("Z%C3%BCrich");
        assertThat(RestLi.leaf("plain-Text_1.0~")).isEqualTo("plain-Text_1.0~");
    }

    @Test
    void structureStaysLiteral() {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("k2", RestLi.leaf("urn:li:app:123"));
        assertThat(RestLi.record(record)).isEqualTo("(k2:urn%3Ali%3Aapp%3A123)");
        assertThat(RestLi.list(List.of("1", "2", RestLi.leaf("foobar")))).isEqualTo("List(1,2,foobar)");
        assertThat(RestLi.date(LocalDate.of(2026, 3, 9))).isEqualTo("(year:2026,month:3,day:9)");
    }
}
