package com.syncledger.sandbox.microsoft;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft Advertising's own time-zone names, as the fake needs them: the account {@code TimeZone} it
 * reports for a ground-truth IANA zone, and the values of the Reporting {@code ReportTimeZone} enum it
 * accepts (spelled as in the v13 WSDL, typos included).
 */
final class MicrosoftZoneNames {

    /** The {@code ReportTimeZone} enum of Reporting v13. */
    static final Set<String> REPORT_TIME_ZONES = Set.of(
            "Nukualofa", "FijiKamchatkaMarshallIsland", "AucklandWellington", "MagadanSolomonIslandNewCaledonia",
            "Vladivostok", "Hobart", "GuamPortMoresby", "CanberraMelbourneSydney", "Brisbane", "Darwin", "Adelaide",
            "Yakutsk", "Seoul", "OsakaSapporoTokyo", "Taipei", "Perth", "KualaLumpurSingapore", "IrkutskUlaanBataar",
            "BeijingChongqingHongKongUrumqi", "Krasnoyarsk", "BangkokHanoiJakarta", "Rangoon", "SriJayawardenepura",
            "AstanaDhaka", "AlmatyNovosibirsk", "Kathmandu", "ChennaiKolkataMumbaiNewDelhi",
            "IslandamabadKarachiTashkent", "Ekaterinburg", "Kabul", "BakuTbilisiYerevan", "AbuDhabiMuscat", "Tehran",
            "Nairobi", "MoscowStPetersburgVolgograd", "KuwaitRiyadh", "Baghdad", "Jerusalem",
            "HelsinkiKyivRigaSofiaTallinnVilnius", "HararePretoria", "Cairo", "Bucharest", "AthensIslandanbulMinsk",
            "WestCentralAfrica", "SarajevoSkopjeWarsawZagreb", "BrusselsCopenhagenMadridParis",
            "BelgradeBratislavaBudapestLjubljanaPrague", "AmsterdamBerlinBernRomeStockholmVienna",
            "CasablancaMonrovia", "GreenwichMeanTimeDublinEdinburghLisbonLondon", "Azores", "CapeVerdeIsland",
            "MidAtlantic", "Brasilia", "BuenosAiresGeorgetown", "Greenland", "Newfoundland", "AtlanticTimeCanada",
            "CaracasLaPaz", "Santiago", "BogotaLimaQuito", "EasternTimeUSCanada", "IndianaEast", "CentralAmerica",
            "CentralTimeUSCanada", "GuadalajaraMexicoCityMonterrey", "Saskatchewan", "Arizona",
            "ChihuahuaLaPazMazatlan", "MountainTimeUSCanada", "PacificTimeUSCanadaTijuana", "Alaska", "Hawaii",
            "MidwayIslandandSamoa", "InternationalDateLineWest");

    /** The account {@code TimeZone} (Customer Management {@code TimeZoneType}) of the zones fixtures use. */
    private static final Map<String, String> ACCOUNT_ZONE_BY_IANA = Map.ofEntries(
            Map.entry("America/New_York", "EasternTimeUSCanada"),
            Map.entry("America/Chicago", "CentralTimeUSCanada"),
            Map.entry("America/Denver", "MountainTimeUSCanada"),
            Map.entry("America/Phoenix", "Arizona"),
            Map.entry("America/Los_Angeles", "PacificTimeUSCanadaTijuana"),
            Map.entry("America/Anchorage", "Alaska"),
            Map.entry("Pacific/Honolulu", "Hawaii"),
            Map.entry("America/Sao_Paulo", "Brasilia"),
            Map.entry("Europe/London", "GreenwichMeanTimeDublinEdinburghLisbonLondon"),
            Map.entry("Europe/Berlin", "AmsterdamBerlinBernRomeStockholmVienna"),
            Map.entry("Europe/Paris", "BrusselsCopenhagenMadridParis"),
            Map.entry("Europe/Warsaw", "SarajevoSkopjeWarsawZagreb"),
            Map.entry("Europe/Helsinki", "HelsinkiKyivRigaSofiaTallinnVilnius"),
            Map.entry("Europe/Moscow", "MoscowStPetersburgVolgograd"),
            Map.entry("Asia/Tokyo", "OsakaSapporoTokyo"),
            Map.entry("Asia/Shanghai", "BeijingChongqingHongKongUrumqi"),
            Map.entry("Asia/Kolkata", "ChennaiKolkataMumbaiNewDelhi"),
            Map.entry("Asia/Karachi", "IslamabadKarachiTashkent"),
            Map.entry("Asia/Singapore", "KualaLumpurSingapore"),
            Map.entry("Australia/Sydney", "CanberraMelbourneSydney"),
            Map.entry("Pacific/Auckland", "AucklandWellington"),
            Map.entry("Pacific/Tongatapu", "Nukualofa"),
            Map.entry("Etc/GMT+12", "InternationalDateLineWest"));

    private MicrosoftZoneNames() {
    }

    /** The Microsoft name of a ground-truth zone. @throws IllegalStateException for a zone the fake cannot name */
    static String accountZone(ZoneId zone) {
        String name = ACCOUNT_ZONE_BY_IANA.get(zone.getId());
        if (name == null) {
            throw new IllegalStateException("the Microsoft fake has no Microsoft time-zone name for " + zone
                    + "; use one of " + ACCOUNT_ZONE_BY_IANA.keySet());
        }
        return name;
    }
}
