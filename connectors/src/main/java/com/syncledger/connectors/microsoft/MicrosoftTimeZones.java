package com.syncledger.connectors.microsoft;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Advertising names time zones with its own enum ({@code EasternTimeUSCanada}); Microsoft
 * publishes no IANA mapping. The IANA zone of each name below follows the Windows zone it labels (CLDR's
 * windowsZones for the main city). UNSURE for the names that cover regions whose rules have since split
 * (AstanaDhaka, AlmatyNovosibirsk, AthensBuckarestIstanbul): the city with the current rules was chosen.
 * Lookups ignore case and punctuation, accept the Reporting enum's own spellings and plain IANA ids.
 */
final class MicrosoftTimeZones {

    /** Account {@code TimeZoneType} name to IANA zone, in the order used to name a zone back. */
    private static final Map<String, String> IANA_BY_NAME = new LinkedHashMap<>();

    /** Where the Reporting {@code ReportTimeZone} enum spells a zone differently from the account enum. */
    private static final Map<String, String> REPORT_SPELLING = Map.of(
            "IslamabadKarachiTashkent", "IslandamabadKarachiTashkent",
            "AthensBuckarestIstanbul", "AthensIslandanbulMinsk",
            "SolomonIslandNewCaledonia", "MagadanSolomonIslandNewCaledonia",
            "MidwayIslandAndSamoa", "MidwayIslandandSamoa");

    private static final Map<String, ZoneId> ZONE_BY_KEY = new HashMap<>();
    private static final Map<ZoneId, String> REPORT_NAME_BY_ZONE = new HashMap<>();

    static {
        zone("AbuDhabiMuscat", "Asia/Dubai");
        zone("Adelaide", "Australia/Adelaide");
        zone("Alaska", "America/Anchorage");
        zone("AlmatyNovosibirsk", "Asia/Novosibirsk");
        zone("AmsterdamBerlinBernRomeStockholmVienna", "Europe/Berlin");
        zone("Arizona", "America/Phoenix");
        zone("AstanaDhaka", "Asia/Dhaka");
        zone("AthensBuckarestIstanbul", "Europe/Athens");
        zone("AtlanticTimeCanada", "America/Halifax");
        zone("AucklandWellington", "Pacific/Auckland");
        zone("Azores", "Atlantic/Azores");
        zone("Baghdad", "Asia/Baghdad");
        zone("BakuTbilisiYerevan", "Asia/Yerevan");
        zone("BangkokHanoiJakarta", "Asia/Bangkok");
        zone("BeijingChongqingHongKongUrumqi", "Asia/Shanghai");
        zone("BelgradeBratislavaBudapestLjubljanaPrague", "Europe/Budapest");
        zone("BogotaLimaQuito", "America/Bogota");
        zone("Brasilia", "America/Sao_Paulo");
        zone("Brisbane", "Australia/Brisbane");
        zone("BrusselsCopenhagenMadridParis", "Europe/Paris");
        zone("Bucharest", "Europe/Bucharest");
        zone("BuenosAiresGeorgetown", "America/Argentina/Buenos_Aires");
        zone("Cairo", "Africa/Cairo");
        zone("CanberraMelbourneSydney", "Australia/Sydney");
        zone("CapeVerdeIsland", "Atlantic/Cape_Verde");
        zone("CaracasLaPaz", "America/Caracas");
        zone("CasablancaMonrovia", "Africa/Casablanca");
        zone("CentralAmerica", "America/Guatemala");
        zone("CentralTimeUSCanada", "America/Chicago");
        zone("ChennaiKolkataMumbaiNewDelhi", "Asia/Kolkata");
        zone("ChihuahuaLaPazMazatlan", "America/Mazatlan");
        zone("Darwin", "Australia/Darwin");
        zone("EasternTimeUSCanada", "America/New_York");
        zone("Ekaterinburg", "Asia/Yekaterinburg");
        zone("FijiKamchatkaMarshallIsland", "Pacific/Fiji");
        zone("Greenland", "America/Nuuk");
        zone("GreenwichMeanTimeDublinEdinburghLisbonLondon", "Europe/London");
        zone("GuadalajaraMexicoCityMonterrey", "America/Mexico_City");
        zone("GuamPortMoresby", "Pacific/Port_Moresby");
        zone("HararePretoria", "Africa/Johannesburg");
        zone("Hawaii", "Pacific/Honolulu");
        zone("HelsinkiKyivRigaSofiaTallinnVilnius", "Europe/Helsinki");
        zone("Hobart", "Australia/Hobart");
        zone("IndianaEast", "America/Indiana/Indianapolis");
        zone("InternationalDateLineWest", "Etc/GMT+12");
        zone("IrkutskUlaanBataar", "Asia/Irkutsk");
        zone("IslamabadKarachiTashkent", "Asia/Karachi");
        zone("Jerusalem", "Asia/Jerusalem");
        zone("Kabul", "Asia/Kabul");
        zone("Kathmandu", "Asia/Kathmandu");
        zone("Krasnoyarsk", "Asia/Krasnoyarsk");
        zone("KualaLumpurSingapore", "Asia/Singapore");
        zone("KuwaitRiyadh", "Asia/Riyadh");
        zone("SolomonIslandNewCaledonia", "Pacific/Guadalcanal");
        zone("MidAtlantic", "Atlantic/South_Georgia");
        zone("MidwayIslandAndSamoa", "Pacific/Pago_Pago");
        zone("MoscowStPetersburgVolgograd", "Europe/Moscow");
        zone("MountainTimeUSCanada", "America/Denver");
        zone("Nairobi", "Africa/Nairobi");
        zone("Newfoundland", "America/St_Johns");
        zone("Nukualofa", "Pacific/Tongatapu");
        zone("OsakaSapporoTokyo", "Asia/Tokyo");
        zone("PacificTimeUSCanadaTijuana", "America/Los_Angeles");
        zone("Perth", "Australia/Perth");
        zone("Rangoon", "Asia/Yangon");
        zone("Santiago", "America/Santiago");
        zone("SarajevoSkopjeWarsawZagreb", "Europe/Warsaw");
        zone("Saskatchewan", "America/Regina");
        zone("Seoul", "Asia/Seoul");
        zone("SriJayawardenepura", "Asia/Colombo");
        zone("Taipei", "Asia/Taipei");
        zone("Tehran", "Asia/Tehran");
        zone("Vladivostok", "Asia/Vladivostok");
        zone("WestCentralAfrica", "Africa/Lagos");
        zone("Yakutsk", "Asia/Yakutsk");
        IANA_BY_NAME.forEach((name, iana) -> {
            ZoneId zone = ZoneId.of(iana);
            ZONE_BY_KEY.put(key(name), zone);
            String reportName = REPORT_SPELLING.getOrDefault(name, name);
            ZONE_BY_KEY.put(key(reportName), zone);
            REPORT_NAME_BY_ZONE.putIfAbsent(zone, reportName);
        });
    }

    private MicrosoftTimeZones() {
    }

    private static void zone(String name, String iana) {
        IANA_BY_NAME.put(name, iana);
    }

    /** The IANA zone of a Microsoft time-zone name (or of an IANA id, should the API ever send one). */
    static Optional<ZoneId> zoneOf(String microsoftName) {
        if (microsoftName == null || microsoftName.isBlank()) {
            return Optional.empty();
        }
        ZoneId known = ZONE_BY_KEY.get(key(microsoftName));
        if (known != null) {
            return Optional.of(known);
        }
        try {
            return Optional.of(ZoneId.of(microsoftName.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The Reporting {@code ReportTimeZone} value naming {@code zone}, when Microsoft has one. */
    static Optional<String> reportTimeZone(ZoneId zone) {
        return Optional.ofNullable(REPORT_NAME_BY_ZONE.get(zone));
    }

    private static String key(String name) {
        return name.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }
}
