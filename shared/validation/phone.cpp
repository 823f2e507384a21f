// Checker::phone: international (E.164) numbers against the calling codes and national number
// lengths of shared/reference/phone_plan.hpp. Formatting characters people type are ignored.
#include "shared/reference/phone_plan.hpp"
#include "shared/validation/field_rules.hpp"

namespace onb::validation {
namespace {

inline constexpr std::size_t max_phone_input = 40;  // digits plus generous formatting; E.164 has ≤ 15 digits
inline constexpr std::size_t max_e164_digits = 15;

}  // namespace

bool Checker::phone(std::string_view base, std::string_view field, std::string_view value, bool required) {
  if (value.empty()) {
    if (required) add(base, field, "field.required");
    return !required;
  }
  if (value.size() > max_phone_input || value.front() != '+') return add(base, field, "phone.format"), false;
  char digits[max_phone_input];
  std::size_t n = 0;
  for (char c : value.substr(1)) {
    if (c >= '0' && c <= '9')
      digits[n++] = c;
    else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')')
      return add(base, field, "phone.format"), false;
  }
  const std::string_view number(digits, n);
  const auto cc = reference::match_calling_code(number);
  if (!cc) return add(base, field, "phone.country_code"), false;
  const std::size_t national = n - cc->digits;
  if (n > max_e164_digits || national >= 32 || (cc->length_mask & (1u << national)) == 0) {
    add(base, field, "phone.length", {{"calling_code", std::to_string(cc->code)}});
    return false;
  }
  return true;
}

}  // namespace onb::validation
