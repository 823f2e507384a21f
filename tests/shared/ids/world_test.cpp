// Schemes outside the EU: gb.vat, ch.uid, no.mva, us.ein, ca.bn, br.cnpj, mx.rfc, au.abn,
// in_.gstin, cn.uscc, jp.cn. One SUBCASE per rule.
#include "shared/ids/options.hpp"

#include "support_ids.hpp"

using namespace ids_test;
using onb::ids::Failure;

TEST_CASE("European VAT numbers outside the EU") {
  SUBCASE("gb.vat: standard, branch, government and health authority numbers") {
    CHECK(failure("gb.vat", "GB 980 7806 84") == Failure::none);
    CHECK(failure("gb.vat", "242338087388") == Failure::none);
    CHECK(failure("gb.vat", "GD100") == Failure::none);
    CHECK(failure("gb.vat", "HA501") == Failure::none);
    CHECK(failure("gb.vat", "GD501") == Failure::component);
    CHECK(failure("gb.vat", "GD888810003") == Failure::none);
    CHECK(failure("gb.vat", "802311781") == Failure::checksum);
    CHECK(failure("gb.vat", "9807806842") == Failure::length);
    CHECK(format("gb.vat", "980780684") == "980 7806 84");
    CHECK(format("gb.vat", "242338087388") == "242 3380 87 388");
    CHECK(format("gb.vat", "HA888856782") == "HA8 8885 67");  // as python-stdnum: 9 characters shown
  }
  SUBCASE("ch.uid: CHE + 9 digits, CHE added to bare digits") {
    CHECK(compact("ch.uid", "100.155.212") == "CHE100155212");
    CHECK(failure("ch.uid", "CHE-100.155.213") == Failure::checksum);
    CHECK(failure("ch.uid", "ZZZ-107.787.577") == Failure::component);
    CHECK(format("ch.uid", "CHE100155212") == "CHE-100.155.212");
  }
  SUBCASE("no.mva: organisation number + MVA") {
    CHECK(compact("no.mva", "NO 995 525 828 MVA") == "995525828MVA");
    CHECK(failure("no.mva", "NO 995 525 829 MVA") == Failure::checksum);
    CHECK(failure("no.mva", "NO 995 525 828") == Failure::format);
    CHECK(format("no.mva", "995525828MVA") == "NO 995 525 828 MVA");
  }
}

TEST_CASE("the Americas") {
  SUBCASE("us.ein: shape and IRS prefix") {
    CHECK(compact("us.ein", "91-1144442") == "911144442");
    CHECK(failure("us.ein", "911-14-4442") == Failure::format);
    CHECK(failure("us.ein", "07-1144442") == Failure::component);
    CHECK(format("us.ein", "042103594") == "04-2103594");
    CHECK(format("us.ein", "123") == "123");
  }
  SUBCASE("ca.bn: Luhn, program account") {
    CHECK(compact("ca.bn", "12302 6635 RC 0001") == "123026635RC0001");
    CHECK(failure("ca.bn", "12302 6635 AA 0001") == Failure::component);
    CHECK(failure("ca.bn", "12302 6635 RC OOO1") == Failure::format);
    CHECK(failure("ca.bn", "123456783") == Failure::checksum);
  }
  SUBCASE("br.cnpj: numeric and alphanumeric (from July 2026)") {
    CHECK(compact("br.cnpj", "16.727.230/0001-97") == "16727230000197");
    CHECK(compact("br.cnpj",
                  "12. ABC.345 /01DE\xE2\x80\x93"
                  "35") == "12ABC34501DE35");
    CHECK(failure("br.cnpj", "12abc34501de35") == Failure::none);
    CHECK(failure("br.cnpj", "12ABC34501DE36") == Failure::checksum);
    CHECK(failure("br.cnpj", "16.727.230/0001=97") == Failure::format);
    CHECK(failure("br.cnpj", "00.000.000/0000-00") == Failure::format);
    CHECK(format("br.cnpj", "12ABC34501DE35") == "12.ABC.345/01DE-35");
  }
  SUBCASE("mx.rfc: people, companies, Ñ, blacklist, optional check digit") {
    CHECK(compact("mx.rfc", "GODE 561231 GR8") == "GODE561231GR8");
    CHECK(failure("mx.rfc", "COMG-600703") == Failure::none);
    CHECK(failure("mx.rfc", "MAB-930714-8T4") == Failure::none);
    CHECK(failure("mx.rfc",
                  "\xC3\x91"
                  "AB-930714-8T4") == Failure::none);
    CHECK(failure("mx.rfc", "CACA 580710 NF7") == Failure::component);
    CHECK(failure("mx.rfc", "ABCD 123456") == Failure::component);
    CHECK(failure("mx.rfc", "AKJ970902") == Failure::length);
    CHECK(onb::ids::validate_mx_rfc("SIN 931116 9P8", true).failure == Failure::checksum);
    CHECK(onb::ids::validate_mx_rfc("GODE 561231 GR8", true).valid);
    CHECK(format("mx.rfc", "ZUT A770215LK0") == "ZUTA 770215 LK0");
    CHECK(format("mx.rfc",
                 "\xC3\xB1"
                 "AB9307148T4") ==
          "\xC3\x91"
          "AB 930714 8T4");
  }
}

TEST_CASE("Asia and the Pacific") {
  SUBCASE("au.abn: mod 89 check digits") {
    CHECK(failure("au.abn", "83 914 571 673") == Failure::none);
    CHECK(failure("au.abn", "99 999 999 999") == Failure::checksum);
    CHECK(format("au.abn", "51824753556") == "51 824 753 556");
  }
  SUBCASE("in_.gstin: state, PAN, Z, Luhn mod 36") {
    CHECK(failure("in_.gstin", "27AAPFU0939F1ZV") == Failure::none);
    CHECK(failure("in_.gstin", "27AAPFU0939F1Z") == Failure::length);
    CHECK(failure("in_.gstin", "369296450896540") == Failure::format);
    CHECK(failure("in_.gstin", "27AAPFU0939F1AA") == Failure::component);
    CHECK(failure("in_.gstin", "27AAPFU0939F1ZO") == Failure::checksum);
  }
  SUBCASE("cn.uscc: alphabet and mod 31 check character") {
    CHECK(compact("cn.uscc", "9 1 110000 600037341L") == "91110000600037341L");
    CHECK(failure("cn.uscc", "9111000060003IOZSV") == Failure::format);
    CHECK(failure("cn.uscc", "91110000600037341N") == Failure::checksum);
  }
  SUBCASE("jp.cn: leading check digit") {
    CHECK(failure("jp.cn", "5-8356-7825-6246") == Failure::none);
    CHECK(failure("jp.cn", "2-8356-7825-6246") == Failure::checksum);
    CHECK(format("jp.cn", "5835678256246") == "5-8356-7825-6246");
  }
}
