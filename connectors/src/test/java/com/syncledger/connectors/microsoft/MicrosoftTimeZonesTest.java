package com.syncledger.connectors.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MicrosoftTimeZonesTest {

    /** Every value of the v13 account TimeZoneType enum. */
    private static final List<String> ACCOUNT_TIME_ZONES = List.of("AbuDhabiMuscat", "Adelaide", "Alaska",
            "AlmatyNovosibirsk", "AmsterdamBerlinBernRomeStockholmVienna", "Arizona", "AstanaDhaka",
            "AthensBuckarestIstanbul", "AtlanticTimeCanada", "AucklandWellington", "Azores", "Baghdad",
            "BakuTbilisiYerevan", "BangkokHanoiJakarta", "BeijingChongqingHongKongUrumqi",
            "BelgradeBratislavaBudapestLjubljanaPrague", "BogotaLimaQuito", "Brasilia", "Brisbane",
            "BrusselsCopenhagenMadridParis", "Bucharest", "BuenosAiresGeorgetown", "Cairo", "CanberraMelbourneSydney",
            "CapeVerdeIsland", "CaracasLaPaz", "CasablancaMonrovia", "CentralAmerica", "CentralTimeUSCanada",
            "ChennaiKolkataMumbaiNewDelhi", "ChihuahuaLaPazMazatlan", "Darwin", "EasternTimeUSCanada", "Ekaterinburg",
            "FijiKamchatkaMarshallIsland", "Greenland", "GreenwichMeanTimeDublinEdinburghLisbonLondon",
            "GuadalajaraMexicoCityMonterrey", "GuamPortMoresby", "HararePretoria", "Hawaii",
            "HelsinkiKyivRigaSofiaTallinnVilnius", "Hobart", "IndianaEast", "InternationalDateLineWest",
            "IrkutskUlaanBataar", "IslamabadKarachiTashkent", "Jerusalem", "Kabul", "Kathmandu", "Krasnoyarsk",
            "KualaLumpurSingapore", "KuwaitRiyadh", "SolomonIslandNewCaledonia", "MidAtlantic",
            "MidwayIslandAndSamoa", "MoscowStPetersburgVolgograd", "MountainTimeUSCanada", "Nairobi", "Newfoundland",
            "Nukualofa", "OsakaSapporoTokyo", "PacificTimeUSCanadaTijuana", "Perth", "Rangoon", "Santiago",
            "SarajevoSkopjeWarsawZagreb", "Saskatchewan", "Seoul", "SriJayawardenepura", "Taipei", "Tehran",
            "Vladivostok", "WestCentralAfrica", "Yakutsk");

    @Test
    void everyAccountTimeZoneHasAnIanaZone() {
        assertThat(ACCOUNT_TIME_ZONES).allSatisfy(name -> assertThat(MicrosoftTimeZones.zoneOf(name)).isPresent());
    }

    @ParameterizedTest
    @CsvSource({
            "EasternTimeUSCanada, America/New_York",
            "PacificTimeUSCanadaTijuana, America/Los_Angeles",
            "OsakaSapporoTokyo, Asia/Tokyo",
            "AmsterdamBerlinBernRomeStockholmVienna, Europe/Berlin",
            "GreenwichMeanTimeDublinEdinburghLisbonLondon, Europe/London",
            "IslandamabadKarachiTashkent, Asia/Karachi",
            "easterntimeuscanada, America/New_York",
            "Eastern Time (US/Canada), America/New_York",
            "Europe/Madrid, Europe/Madrid"})
    void namesAreReadLeniently(String name, String iana) {
        assertThat(MicrosoftTimeZones.zoneOf(name)).contains(ZoneId.of(iana));
    }

    @Test
    void unknownNamesAreNotGuessed() {
        assertThat(MicrosoftTimeZones.zoneOf("AtlantisStandardTime")).isEmpty();
        assertThat(MicrosoftTimeZones.zoneOf("")).isEmpty();
        assertThat(MicrosoftTimeZones.zoneOf(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "America/New_York, EasternTimeUSCanada",
            "Asia/Tokyo, OsakaSapporoTokyo",
            "Europe/Berlin, AmsterdamBerlinBernRomeStockholmVienna",
            "Asia/Karachi, IslandamabadKarachiTashkent",
            "Pacific/Pago_Pago, MidwayIslandandSamoa"})
    void zonesAreNamedInTheReportingEnumsOwnSpelling(String iana, String reportTimeZone) {
        assertThat(MicrosoftTimeZones.reportTimeZone(ZoneId.of(iana))).contains(reportTimeZone);
    }

    @Test
    void aZoneMicrosoftCannotNameGetsNoReportTimeZone() {
        assertThat(MicrosoftTimeZones.reportTimeZone(ZoneId.of("Europe/Madrid"))).isEmpty();
    }
}
