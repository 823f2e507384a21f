// The scheme registry: sorted, searchable, and every scheme survives any input.
#include "support_ids.hpp"

#include <cstdint>
#include <string>

using onb::ids::Failure;

TEST_CASE("the registry is sorted by name and find_scheme finds each entry") {
  const auto all = onb::ids::schemes();
  REQUIRE(all.size() >= 40);
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].name < all[i].name);
  for (const auto& s : all) {
    CHECK(onb::ids::find_scheme(s.name) == &s);
    CHECK(!s.title.empty());
  }
  CHECK(onb::ids::find_scheme("xx.nope") == nullptr);
  CHECK(onb::ids::find_scheme("") == nullptr);
  for (const char* name : {"eu.vat", "gb.vat", "ch.uid", "no.mva", "us.ein", "iban", "bic", "lei", "au.abn", "ca.bn",
                           "in_.gstin", "br.cnpj", "mx.rfc", "cn.uscc", "jp.cn", "at.uid", "sk.dph"})
    CHECK_MESSAGE(onb::ids::find_scheme(name) != nullptr, name);
}

TEST_CASE("every scheme rejects garbage with a failure class and a message, and never crashes") {
  std::uint32_t seed = 12345;
  const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (const auto& s : onb::ids::schemes()) {
    for (int round = 0; round < 300; ++round) {
      std::string input(next() % 40, '\0');
      for (char& c : input) c = static_cast<char>(next() >> 24);
      const auto c = s.validate(input);
      if (!c.valid) {
        CHECK(c.failure != Failure::none);
        CHECK(!c.message.empty());
        CHECK(s.format(input) == input);  // invalid numbers are displayed as typed
      }
      (void)s.compact(input);
    }
    CHECK(!s.validate("").valid);
    CHECK(!s.validate(std::string(5000, '9')).valid);
  }
}
