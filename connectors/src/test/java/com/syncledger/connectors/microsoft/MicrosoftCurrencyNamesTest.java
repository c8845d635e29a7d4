package com.syncledger.connectors.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Microsoft's published currency names become their ISO codes; a name Microsoft does not publish is refused. */
class MicrosoftCurrencyNamesTest {

    @ParameterizedTest
    @CsvSource({"USDollar,USD", "EURO,EUR", "UKPound,GBP", "Won,KRW", "Baht,THB", "Forint,HUF", "Rupiah,IDR",
            "Dong,VND", "NewTaiwanDollar,TWD", "NuevoSol,PEN", "IsraeliSheqel,ILS", "QatariRial,QAR",
            "SaudiRiyal,SAR", "ChineseYuan,CNY", "YuanRenminbi,CNY", "MoroccanDirham,MAD", "NigerianNaira,NGN",
            "LebanesePound,LBP", "JPY,JPY", "EUR,EUR"})
    void publishedNamesAndIsoCodesAreRead(String value, String iso) {
        assertThat(MicrosoftWire.isoCurrency(value)).contains(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BritishPound", "Euro", "SouthKoreanWon", "ThaiBaht", "TaiwanNewDollar", "Dollar", "XYZ"})
    void namesMicrosoftDoesNotPublishAreRefused(String value) {
        assertThat(MicrosoftWire.isoCurrency(value)).isEmpty();
    }
}
