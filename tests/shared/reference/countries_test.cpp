// The EU VAT area: one list that VAT prefixes, One Stop Shop numbers and the tax rules all read.
#include "shared/reference/countries.hpp"

#include "../support.hpp"

#include <algorithm>

namespace ref = onb::reference;

TEST_CASE("the EU VAT area is the 27 member states and Northern Ireland") {
  const auto members = ref::eu_vat_members();
  REQUIRE(members.size() == 28);
  SUBCASE("sorted by ISO code, each an ISO country but XI, each with a three-digit numeric code") {
    CHECK(std::is_sorted(members.begin(), members.end(),
                         [](const auto& a, const auto& b) { return a.alpha_2 < b.alpha_2; }));
    for (const auto& m : members) {
      CAPTURE(m.alpha_2);
      CHECK((m.alpha_2 == "XI" || ref::find_country(m.alpha_2).has_value()));
      CHECK(m.numeric.size() == 3);
      CHECK(ref::is_eu_vat_country(m.alpha_2));
    }
  }
  SUBCASE("Greece's VAT prefix is EL; membership is asked with ISO codes") {
    const auto gr = std::find_if(members.begin(), members.end(), [](const auto& m) { return m.alpha_2 == "GR"; });
    REQUIRE(gr != members.end());
    CHECK(gr->vat_prefix == "EL");
    CHECK(gr->numeric == "300");
    CHECK(ref::is_eu_vat_country("GR"));
    CHECK_FALSE(ref::is_eu_vat_country("EL"));
    CHECK_FALSE(ref::is_eu_vat_country("GB"));
    CHECK_FALSE(ref::is_eu_vat_country("CH"));
  }
}
