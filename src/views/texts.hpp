// The portal's own words in English and German: UI texts by key, field labels by model member name,
// values of enumerations by enumerator name. Validation messages are not here: they come translated
// from shared/validation/messages.hpp. A key without a German text falls back to English.
#pragma once

#include "shared/validation/messages.hpp"

#include <string>
#include <string_view>

namespace onb::portal::views {

using validation::Language;

// A UI text ("sign_in", "submit", ...). An unknown key is returned as written, so a typo shows.
const char* tr(std::string_view key, Language lang);

// "legal_name" -> "Legal name" / "Name laut Register"; unknown members are humanised ("foo_bar" -> "Foo bar").
std::string field_label(std::string_view member, Language lang);

// The title of one element of a list member: "contacts" -> "Contact" / "Kontakt".
std::string item_label(std::string_view list_member, Language lang);

// An enumerator for people: "net_30" -> "Net 30"; German where the catalogue has it.
std::string value_label(std::string_view enumerator, Language lang);

// "step.company" and friends: the title of a step.
std::string step_label(std::string_view step, Language lang);

}  // namespace onb::portal::views
