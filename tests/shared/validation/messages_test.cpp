// The message catalogue: sorted and unique (binary search relies on it), both languages mention the
// same values, and rendering falls back to the English text when values are missing.
#include "shared/validation/messages.hpp"
#include "shared/validation/messages_refusals.hpp"

#include "../support.hpp"

#include <set>
#include <string>

using namespace onb::validation;

namespace {
std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const auto close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.insert(std::string(text.substr(open + 1, close - open - 1)));
  }
  return out;
}
}  // namespace

TEST_CASE("the catalogue") {
  const auto all = message_catalogue();
  REQUIRE(all.size() > 80);
  for (std::size_t i = 0; i < all.size(); ++i) {
    CAPTURE(all[i].code);
    if (i > 0) CHECK(all[i - 1].code < all[i].code);
    CHECK_FALSE(all[i].en.empty());
    CHECK_FALSE(all[i].de.empty());
    CHECK(all[i].en != all[i].de);
    auto de = placeholders(all[i].de);
    // document.missing names the description in each language's own parameter.
    if (all[i].code == "document.missing") de = {"description_en"};
    CHECK(placeholders(all[i].en) == de);
  }
}

TEST_CASE("rendering") {
  const auto p = make_problem("/owners", "owner.ownership_sum", {{"sum", "120.00"}});
  CHECK(p.severity == Severity::error);
  CHECK(p.message == "The ownership shares add up to 120.00 %, more than 100 %.");
  CHECK(message_in(p, Language::de) == "Die Anteile ergeben zusammen 120.00 %, mehr als 100 %.");
  SUBCASE("severity comes from the catalogue") {
    CHECK(make_problem("/x", "statement.outdated", {{"months", "18"}}).severity == Severity::warning);
  }
  SUBCASE("a problem without the values its text needs keeps its own English message") {
    const Problem basics{"/vat_number", "vat.country_mismatch", Severity::error, "The VAT number starts with FR ..."};
    CHECK(message_in(basics, Language::de) == basics.message);
  }
  SUBCASE("an uncatalogued code still reports, as an error") {
    const auto q = make_problem("/x", "no.such_code");
    CHECK(q.severity == Severity::error);
    CHECK(q.message == "no.such_code");
  }
  SUBCASE("braces in values are not re-expanded") {
    CHECK(render_message("a {x} b", {{"x", "{x}"}}) == "a {x} b");
    CHECK(render_message("{unclosed", {}) == "{unclosed");
  }
}

TEST_CASE("refusals: English from the catalogue, other languages recovered from the English text") {
  const auto en = refusal_text("stage.event_not_allowed", {{"kind", "activated"}, {"stage", "draft"}});
  CHECK(en == "'activated' cannot happen while the enrollment is in 'draft'");
  CHECK(message_in("stage.event_not_allowed", en, Language::de) ==
        "„activated“ ist nicht möglich, solange der Antrag in „draft“ ist");
  CHECK(message_in("stage.event_not_allowed", en, Language::en) == en);
  SUBCASE("a variant of a code is found by its text") {
    const auto first = refusal_text("event.sequence#first");
    CHECK(first == "the first event has sequence 1");
    CHECK(message_in("event.sequence", first, Language::de) == "Das erste Ereignis hat die Folgenummer 1");
    const auto later = refusal_text("event.sequence", {{"expected", "8"}});
    CHECK(message_in("event.sequence", later, Language::de) == "Erwartet war Folgenummer 8, das Protokoll ist weiter");
  }
  SUBCASE("several values, the last running to the end") {
    const auto text = refusal_text("role.not_permitted", {{"role", "customer"},
                                                          {"kind", "credit_decided"},
                                                          {"stage", "credit_review"},
                                                          {"allowed", "credit_analyst, admin"}});
    CHECK(text == "a customer cannot take 'credit_decided' in 'credit_review'; allowed: credit_analyst, admin");
    CHECK(message_in("role.not_permitted", text, Language::de) ==
          "Die Rolle customer kann „credit_decided“ in „credit_review“ nicht ausführen; zulässig: credit_analyst, admin");
  }
  SUBCASE("a text the catalogue does not know stays as it is") {
    CHECK(message_in("stage.event_not_allowed", "something else", Language::de) == "something else");
    CHECK(message_in("no.such_code", "as sent", Language::de) == "as sent");
  }
}
