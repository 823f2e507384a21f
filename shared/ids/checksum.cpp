// The check-digit algorithms: Luhn (ISO/IEC 7812-1 annex B), ISO 7064 MOD 11,10 and MOD 97-10.
#include "shared/ids/checksum.hpp"

#include "shared/core/calendar.hpp"
#include "shared/ids/text.hpp"

#include <array>
#include <cstdint>

namespace onb::ids::detail {

int luhn_checksum(std::string_view number, std::string_view alphabet) {
  const int n = static_cast<int>(alphabet.size());
  int sum = 0;
  bool doubled = false;  // every second character from the right is doubled
  for (auto it = number.rbegin(); it != number.rend(); ++it) {
    const auto pos = alphabet.find(*it);
    if (pos == std::string_view::npos) return -1;
    const int v = static_cast<int>(pos) * (doubled ? 2 : 1);
    sum += doubled ? v / n + v % n : v;
    doubled = !doubled;
  }
  return sum % n;
}

char luhn_check_digit(std::string_view number) {
  // Appending 0 gives checksum c; the check digit is the one that brings it to 0.
  int sum = 0;
  bool doubled = true;
  for (auto it = number.rbegin(); it != number.rend(); ++it) {
    const int v = digit(*it) * (doubled ? 2 : 1);
    sum += v / 10 + v % 10;
    doubled = !doubled;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

int mod_11_10_checksum(std::string_view digits) {
  int check = 5;
  for (char c : digits) check = (((check ? check : 10) * 2) % 11 + digit(c)) % 10;
  return check;
}

namespace {

// One step of MOD 97-10 per byte: a digit shifts the number by one decimal place, a letter (A=10 ..
// Z=35) by two; any other byte is invalid (shift 0). A table instead of branches: LEIs and IBANs mix
// letters and digits, which the branch predictor cannot guess.
struct Mod97Step {
  std::uint8_t shift;  // 10, 100, or 0 for an invalid byte
  std::uint8_t add;
};
constexpr auto mod97_steps = [] {
  std::array<Mod97Step, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = {10, static_cast<std::uint8_t>(c - '0')};
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = {100, static_cast<std::uint8_t>(c - 'A' + 10)};
  return t;
}();

}  // namespace

int mod_97_10_checksum(std::string_view alnum) {
  // Reduce every 6 bytes: below 97 * 100^6 < 2^64, so nothing overflows in between.
  std::uint64_t rest = 0;
  bool invalid = false;
  std::size_t since_reduce = 0;
  for (char c : alnum) {
    const Mod97Step step = mod97_steps[static_cast<unsigned char>(c)];
    invalid |= step.shift == 0;
    rest = rest * step.shift + step.add;
    if (++since_reduce == 6) {
      rest %= 97;
      since_reduce = 0;
    }
  }
  return invalid ? -1 : static_cast<int>(rest % 97);
}

long weighted_sum(std::string_view digits, std::initializer_list<int> weights) {
  long sum = 0;
  std::size_t i = 0;
  for (int w : weights) {
    if (i >= digits.size()) break;
    sum += w * digit(digits[i++]);
  }
  return sum;
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= onb::days_in_month(year, month);
}

}  // namespace onb::ids::detail
