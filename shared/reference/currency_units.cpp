#include "shared/reference/currency_units.hpp"

#include <algorithm>
#include <array>

namespace onb::reference {
namespace {

struct MinorUnits {
  std::string_view alpha_3;
  int digits;
};

// ISO 4217 list one (amendment 176): every currency whose minor unit is not 2, sorted by code.
// Funds and metals marked "N.A." there are left at 2: they are not used for trade credit.
constexpr std::array<MinorUnits, 26> k_exceptions = {{
    {"BHD", 3}, {"BIF", 0}, {"CLF", 4}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"IQD", 3}, {"ISK", 0}, {"JOD", 3},
    {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3}, {"OMR", 3}, {"PYG", 0}, {"RWF", 0}, {"TND", 3},
    {"UGX", 0}, {"UYI", 0}, {"UYW", 4}, {"VND", 0}, {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0},
}};

}  // namespace

int currency_minor_digits(std::string_view alpha_3) {
  const auto* it = std::lower_bound(k_exceptions.begin(), k_exceptions.end(), alpha_3,
                                    [](const MinorUnits& m, std::string_view c) { return m.alpha_3 < c; });
  return it != k_exceptions.end() && it->alpha_3 == alpha_3 ? it->digits : 2;
}

}  // namespace onb::reference
