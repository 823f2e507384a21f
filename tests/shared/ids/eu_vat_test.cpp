// eu.vat and the national VAT schemes: one SUBCASE per country rule, and the prefix dispatch.
#include "support_ids.hpp"

#include "shared/reference/countries.hpp"

using namespace ids_test;
using onb::ids::Failure;

TEST_CASE("eu.vat dispatches on the country prefix") {
  SUBCASE("the compact form always carries the prefix") {
    CHECK(compact("eu.vat", "ATU 57194903") == "ATU57194903");
    CHECK(compact("eu.vat", "BE697449992") == "BE0697449992");
    CHECK(compact("eu.vat", "fr 61 954 506 077") == "FR61954506077");
  }
  SUBCASE("Greece is EL (GR accepted too), Northern Ireland XI uses the UK rules") {
    CHECK(failure("eu.vat", "EL 094259216") == Failure::none);
    CHECK(failure("eu.vat", "GR 094259216") == Failure::none);
    CHECK(failure("eu.vat", "XI 980 7806 84") == Failure::none);
    CHECK(failure("eu.vat", "GB 980 7806 84") == Failure::component);
  }
  SUBCASE("every member of the EU VAT area has a national rule, by VAT prefix and by ISO code") {
    for (const auto& m : onb::reference::eu_vat_members()) {
      CAPTURE(m.alpha_2);
      CHECK(failure("eu.vat", std::string(m.vat_prefix) + "1") != Failure::component);
      CHECK(failure("eu.vat", std::string(m.alpha_2) + "1") != Failure::component);
    }
  }
  SUBCASE("one-stop-shop numbers (EU, IM)") {
    CHECK(failure("eu.vat", "EU372022452") == Failure::none);
    CHECK(failure("eu.vat", "IM3720000224") == Failure::none);
    CHECK(failure("eu.oss", "EU123010755") == Failure::component);
    CHECK(failure("eu.oss", "EU372A22452") == Failure::format);
    CHECK(failure("eu.oss", "IM372022452") == Failure::length);
  }
  SUBCASE("unknown prefix and a repeated prefix are rejected") {
    CHECK(failure("eu.vat", "US 123456789") == Failure::component);
    CHECK(failure("eu.vat", "") == Failure::component);
    CHECK_FALSE(check("eu.vat", "RO RO 16621241").valid);
    CHECK_FALSE(check("eu.vat", "EL EL 094501040").valid);
    CHECK(failure("eu.vat", "RO 16621241") == Failure::none);
  }
}

TEST_CASE("western member states") {
  SUBCASE("AT: U + 8 digits, Luhn variant") {
    CHECK(failure("at.uid", "AT U13585627") == Failure::none);
    CHECK(failure("at.uid", "U13585626") == Failure::checksum);
    CHECK(failure("at.uid", "13585627") == Failure::format);
    CHECK(failure("at.uid", "U1358562") == Failure::length);
  }
  SUBCASE("BE: 10 digits starting 0 or 1, mod 97; 9-digit numbers padded") {
    CHECK(compact("be.vat", "BE 428759497") == "0428759497");
    CHECK(compact("be.vat", "(0)403019261") == "0403019261");
    CHECK(failure("be.vat", "BE431150351") == Failure::checksum);
    CHECK(failure("be.vat", "BE2000021323") == Failure::component);
    CHECK(failure("be.vat", "BE000000000") == Failure::format);
  }
  SUBCASE("DE: ISO 7064 MOD 11,10") {
    CHECK(failure("de.vat", "DE 136,695 976") == Failure::none);
    CHECK(failure("de.vat", "136695978") == Failure::checksum);
    CHECK(failure("de.vat", "036695976") == Failure::format);
  }
  SUBCASE("DK, FI, LU: weighted sums") {
    CHECK(failure("dk.cvr", "DK 13585628") == Failure::none);
    CHECK(failure("dk.cvr", "DK 13585627") == Failure::checksum);
    CHECK(failure("fi.alv", "FI 20774740") == Failure::none);
    CHECK(failure("fi.alv", "FI 20774741") == Failure::checksum);
    CHECK(failure("lu.tva", "LU 150 274 42") == Failure::none);
    CHECK(failure("lu.tva", "150 274 43") == Failure::checksum);
  }
  SUBCASE("FR: numeric and alphabetic keys over the SIREN") {
    CHECK(failure("fr.tva", "23334175221") == Failure::none);
    CHECK(failure("fr.tva", "K7399859412") == Failure::none);
    CHECK(failure("fr.tva", "4Z123456782") == Failure::none);
    CHECK(failure("fr.tva", "IO334175221") == Failure::format);
    CHECK(failure("fr.tva", "24334175221") == Failure::checksum);
  }
  SUBCASE("IE: new and old style check letters") {
    CHECK(failure("ie.vat", "IE 6433435F") == Failure::none);
    CHECK(failure("ie.vat", "IE 6433435OA") == Failure::none);
    CHECK(failure("ie.vat", "8D79739I") == Failure::none);
    CHECK(failure("ie.vat", "6433435E") == Failure::checksum);
    CHECK(failure("ie.vat", "8?79739J") == Failure::format);
  }
  SUBCASE("NL: 11-proof or MOD 97-10, B in tenth place") {
    CHECK(compact("nl.btw", "NL4495445B01") == "004495445B01");
    CHECK(failure("nl.btw", "NL002455799B11") == Failure::none);
    CHECK(failure("nl.btw", "123456789B90") == Failure::checksum);
    CHECK(failure("nl.btw", "004495445C01") == Failure::format);
  }
  SUBCASE("SE: organisation number + 01") {
    CHECK(failure("se.vat", "SE 123456789701") == Failure::none);
    CHECK(failure("se.vat", "123456789101") == Failure::checksum);
    CHECK(failure("se.vat", "123456789702") == Failure::format);
  }
}

TEST_CASE("southern member states") {
  SUBCASE("CY: check letter, never 12...") {
    CHECK(failure("cy.vat", "CY-10259033P ") == Failure::none);
    CHECK(failure("cy.vat", "CY-10259033Z") == Failure::checksum);
    CHECK(failure("cy.vat", "12000139V") == Failure::component);
  }
  SUBCASE("ES: DNI, NIE, K/L/M and CIF") {
    CHECK(failure("es.nif", "54362315K") == Failure::none);
    CHECK(failure("es.nif", "X-5253868-R") == Failure::none);
    CHECK(failure("es.nif", "M-1234567-L") == Failure::none);
    CHECK(failure("es.nif", "B64717838") == Failure::none);
    CHECK(failure("es.nif", "B64717839") == Failure::checksum);
    CHECK(failure("es.nif", "O-1234567-L") == Failure::format);
  }
  SUBCASE("GR, HR, IT, MT, PT, SI") {
    CHECK(failure("gr.vat", "EL 094259216 ") == Failure::none);
    CHECK(compact("gr.vat", "GR 23456783") == "023456783");
    CHECK(failure("gr.vat", "EL 123456781") == Failure::checksum);
    CHECK(failure("hr.oib", "HR 33392005961") == Failure::none);
    CHECK(failure("hr.oib", "33392005962") == Failure::checksum);
    CHECK(failure("it.iva", "IT 00743110157") == Failure::none);
    CHECK(failure("it.iva", "00743110158") == Failure::checksum);
    CHECK(failure("it.iva", "00743111157") == Failure::component);
    CHECK(failure("mt.vat", "MT 1167-9112") == Failure::none);
    CHECK(failure("mt.vat", "1167-9113") == Failure::checksum);
    CHECK(failure("pt.nif", "PT 501 964 843") == Failure::none);
    CHECK(failure("pt.nif", "PT 501 964 842") == Failure::checksum);
    CHECK(failure("si.ddv", "SI 5022 3054") == Failure::none);
    CHECK(failure("si.ddv", "SI 50223055") == Failure::checksum);
  }
}

TEST_CASE("eastern member states") {
  SUBCASE("BG: companies, EGN, PNF") {
    CHECK(failure("bg.vat", "BG 175 074 752") == Failure::none);
    CHECK(failure("bg.vat", "175074751") == Failure::checksum);
    CHECK(failure("bg.vat", "8032056031") == Failure::none);  // EGN
    CHECK(failure("bg.vat", "7111042925") == Failure::none);  // PNF
    CHECK(failure("bg.vat", "17507475") == Failure::length);
  }
  SUBCASE("CZ: companies, special 6..., birth numbers") {
    CHECK(failure("cz.dic", "CZ 25123891") == Failure::none);
    CHECK(failure("cz.dic", "25123890") == Failure::checksum);
    CHECK(failure("cz.dic", "7103192745") == Failure::none);
    CHECK(failure("cz.dic", "640903926") == Failure::none);
    CHECK(failure("cz.dic", "91234567") == Failure::component);
    CHECK(failure("cz.dic", "1103492745") == Failure::component);
    CHECK(failure("cz.dic", "590312123") == Failure::length);
  }
  SUBCASE("EE, HU, PL") {
    CHECK(failure("ee.kmkr", "EE 100 931 558") == Failure::none);
    CHECK(failure("ee.kmkr", "100594103") == Failure::checksum);
    CHECK(failure("hu.anum", "HU-12892312") == Failure::none);
    CHECK(failure("hu.anum", "HU-12892313") == Failure::checksum);
    CHECK(failure("pl.nip", "PL 8567346215") == Failure::none);
    CHECK(failure("pl.nip", "PL 8567346216") == Failure::checksum);
    CHECK(format("pl.nip", "PL 8567346215") == "856-734-62-15");
  }
  SUBCASE("LT: legal entities and temporary payers") {
    CHECK(failure("lt.pvm", "119511515") == Failure::none);
    CHECK(failure("lt.pvm", "LT 100001919017") == Failure::none);
    CHECK(failure("lt.pvm", "100004801610") == Failure::none);
    CHECK(failure("lt.pvm", "100001919018") == Failure::checksum);
    CHECK(failure("lt.pvm", "119511525") == Failure::component);
  }
  SUBCASE("LV: legal entities, dated and (HEAD) undated personal codes") {
    CHECK(failure("lv.pvn", "LV 4000 3521 600") == Failure::none);
    CHECK(failure("lv.pvn", "40003521601") == Failure::checksum);
    CHECK(failure("lv.pvn", "161175-19997") == Failure::none);
    CHECK(failure("lv.pvn", "161375-19997") == Failure::component);
    CHECK(failure("lv.pvn", "328673-00679") == Failure::none);
    CHECK(failure("lv.pvn", "328673-00677") == Failure::checksum);
  }
  SUBCASE("RO: CUI and CNP, RO kept in the compact form") {
    CHECK(compact("ro.cf", "RO 185 472 90") == "RO18547290");
    CHECK(failure("ro.cf", "185 472 91") == Failure::checksum);
    CHECK(failure("ro.cf", "1630615123457") == Failure::none);
    CHECK(failure("ro.cf", "1630615123458") == Failure::checksum);
    CHECK(failure("ro.cf", "1632215123457") == Failure::component);
  }
  SUBCASE("SK: divisible by 11, or a birth number") {
    CHECK(failure("sk.dph", "SK 202 274 96 19") == Failure::none);
    CHECK(failure("sk.dph", "SK 202 274 96 18") == Failure::checksum);
    CHECK(failure("sk.dph", "7103192745") == Failure::none);
    CHECK(failure("sk.dph", "2012749619") == Failure::format);
  }
}
