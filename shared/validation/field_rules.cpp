#include "shared/validation/field_rules.hpp"

#include "shared/reference/countries.hpp"
#include "shared/reference/currency_units.hpp"
#include "shared/validation/text.hpp"

namespace onb::validation {
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// RFC 5322 dot-atom local part (no quoted strings: no business mailbox needs them).
bool email_local_ok(std::string_view local) {
  static constexpr std::string_view specials = "!#$%&'*+-/=?^_`{|}~";
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
  for (std::size_t i = 0; i < local.size(); ++i) {
    const char c = local[i];
    if (c == '.' && local[i + 1] == '.') return false;
    if (!is_alnum(c) && c != '.' && specials.find(c) == std::string_view::npos) return false;
  }
  return true;
}

// Host names: labels of letters, digits, hyphens (not at the ends) or UTF-8 (internationalised
// domains), at least two labels, the last one not all digits.
bool host_ok(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t labels = 0;
  bool last_all_digits = true;
  while (true) {
    const auto dot = host.find('.');
    const auto label = host.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    last_all_digits = true;
    for (char c : label) {
      if (!is_alnum(c) && c != '-' && static_cast<unsigned char>(c) < 0x80) return false;
      if (c < '0' || c > '9') last_all_digits = false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return labels >= 2 && !last_all_digits;
}

}  // namespace

std::string join_path(std::string_view base, std::string_view field) {
  std::string p(base);
  if (!field.empty()) {
    p += '/';
    p += field;
  }
  return p;
}

void Checker::add(std::string_view base, std::string_view field, std::string_view code, Params params) {
  out.push_back(make_problem(join_path(base, field), code, std::move(params)));
}

bool Checker::text(std::string_view base, std::string_view field, std::string_view value, std::size_t max_len,
                   bool required) {
  const auto len = utf8_length(value);
  if (!len) return add(base, field, "text.utf8"), false;
  if (trim(value).empty()) {
    if (required) add(base, field, "field.required");
    return !required;
  }
  if (*len > max_len) return add(base, field, "text.length", {{"max", std::to_string(max_len)}}), false;
  if (has_control_chars(value)) return add(base, field, "text.control_chars"), false;
  return true;
}

bool Checker::country(std::string_view base, std::string_view field, std::string_view value, bool required) {
  if (value.empty()) {
    if (required) add(base, field, "field.required");
    return false;
  }
  if (reference::find_country(value)) return true;
  add(base, field, "country.unknown", {{"value", std::string(value.substr(0, 8))}});
  return false;
}

bool Checker::currency(std::string_view base, std::string_view field, std::string_view value) {
  if (value.empty()) return add(base, field, "field.required"), false;
  if (reference::find_currency(value)) return true;
  add(base, field, "currency.unknown", {{"value", std::string(value.substr(0, 8))}});
  return false;
}

std::optional<Date> Checker::date(std::string_view base, std::string_view field, std::string_view value, When when) {
  const auto d = parse_date(value);
  if (!d) return add(base, field, "date.format"), std::nullopt;
  if (when == When::not_future && *d > today)
    return add(base, field, "date.in_future", {{"today", format_date(today)}}), std::nullopt;
  if (when == When::future && *d <= today)
    return add(base, field, "date.not_in_future", {{"today", format_date(today)}}), std::nullopt;
  return d;
}

bool Checker::email(std::string_view base, std::string_view field, std::string_view value, bool required) {
  if (value.empty()) {
    if (required) add(base, field, "field.required");
    return !required;
  }
  const auto at = value.rfind('@');
  const bool ok = value.size() <= max_email_length && at != std::string_view::npos && utf8_length(value) &&
                  email_local_ok(value.substr(0, at)) && host_ok(value.substr(at + 1));
  if (!ok) add(base, field, "email.format");
  return ok;
}

bool Checker::url(std::string_view base, std::string_view field, std::string_view value) {
  std::string_view rest = value;
  bool ok = value.size() <= max_url_length && utf8_length(value) && !has_control_chars(value);
  if (ok && rest.starts_with("https://"))
    rest.remove_prefix(8);
  else if (ok && rest.starts_with("http://"))
    rest.remove_prefix(7);
  else
    ok = false;
  if (ok) {
    const auto end = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, end);
    if (const auto colon = host.rfind(':'); colon != std::string_view::npos) host = host.substr(0, colon);
    ok = host_ok(host) && rest.find(' ') == std::string_view::npos;
  }
  if (!ok) add(base, field, "url.format");
  return ok;
}

std::optional<Decimal> Checker::amount(std::string_view base, std::string_view field, std::string_view value,
                                       std::string_view currency_code, bool allow_negative) {
  const auto d = parse_amount(value);
  if (!d) return add(base, field, value.empty() ? "field.required" : "amount.format"), std::nullopt;
  const int digits = reference::currency_minor_digits(currency_code);
  if (d->decimals > digits)
    return add(base, field, "amount.decimals",
               {{"currency", std::string(currency_code.substr(0, 8))}, {"digits", std::to_string(digits)}}),
           std::nullopt;
  if (!allow_negative && d->scaled < 0) return add(base, field, "amount.negative"), std::nullopt;
  return d;
}

std::optional<Decimal> Checker::money(std::string_view base, std::string_view field, const model::Money& m,
                                      bool allow_negative) {
  const std::string path = join_path(base, field);
  const bool currency_ok = currency(path, "currency", m.currency);
  auto d = amount(path, "amount", m.amount, m.currency, allow_negative);
  return currency_ok ? d : std::nullopt;
}

}  // namespace onb::validation
