// The message catalogue: every problem code the application rules report, with its severity and its
// text in English and German. Texts use {name} placeholders filled from Problem::params, so the portal,
// the server and the CLI render the same words in either language. New languages are new columns here.
#pragma once

#include "shared/validation/problem.hpp"

#include <boost/describe.hpp>

#include <span>
#include <string>
#include <string_view>

namespace onb::validation {

BOOST_DEFINE_ENUM_CLASS(Language, en, de)

struct MessageTemplate {
  std::string_view code;
  Severity severity;
  std::string_view en;
  std::string_view de;
};

std::span<const MessageTemplate> message_catalogue();  // sorted by code, codes unique

// nullptr for a code not in the catalogue (e.g. company_basics' own codes).
const MessageTemplate* find_message(std::string_view code);

// Replaces each {name} with params[name]; a placeholder without a value is left as written and
// `complete` (when given) is set to false.
std::string render_message(std::string_view text, const Params& params, bool* complete = nullptr);

// The problem's message in `language`: rendered from the catalogue when its code is there and the
// problem carries every value the text needs; otherwise Problem::message (English) unchanged — the
// case of validators that fill `message` themselves (company_basics).
std::string message_in(const Problem& p, Language language);

// A problem with severity and English message from the catalogue. A code missing from the catalogue
// still yields a problem (severity error, message = code) so that a typo cannot hide a failure;
// tests check that every reported code is catalogued.
Problem make_problem(std::string path, std::string_view code, Params params = {});

}  // namespace onb::validation
