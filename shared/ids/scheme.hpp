// Business identifier schemes (VAT numbers, IBAN, LEI, ...) with real check digits. Names follow
// python-stdnum ("eu.vat", "iban", "in_.gstin") because users of this field know them. Each scheme
// normalises (compact), validates with the class of failure, and formats for display.
// Which identifier a form field needs, and when, belongs in validation/, not here.
#pragma once

#include <boost/describe.hpp>

#include <span>
#include <string>
#include <string_view>

namespace onb::ids {

// The class of failure, as python-stdnum's exceptions: InvalidFormat, InvalidLength,
// InvalidChecksum, InvalidComponent.
BOOST_DEFINE_ENUM_CLASS(Failure, none, format, length, checksum, component)

struct Check {
  bool valid = false;
  std::string compact;            // normalised form (also when invalid, as far as it could be normalised)
  Failure failure = Failure::none;
  // English, for people; empty when valid. Always a string literal of the scheme (static storage) in
  // UTF-8 without control characters, `"` or `\` (checked at compile time), so a failed check allocates
  // nothing and the text goes into JSON as it is: bulk checks of mostly invalid input depend on both.
  std::string_view message;
};
BOOST_DESCRIBE_STRUCT(Check, (), (valid, compact, failure, message))

struct Scheme {
  std::string_view name;  // "eu.vat"
  std::string_view title; // "European Union VAT number"
  std::string (*compact)(std::string_view input);
  Check (*validate)(std::string_view input);
  std::string (*format)(std::string_view input);  // display form of a valid number; input returned otherwise
};

// Every scheme, sorted by name.
std::span<const Scheme> schemes();

// nullptr for an unknown name.
const Scheme* find_scheme(std::string_view name);

}  // namespace onb::ids
