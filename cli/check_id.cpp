// `onboard check-id SCHEME`: checks one identifier a line from stdin with shared/ids and writes one
// JSON object a line, in input order. Built for bulk use (millions of lines): input is read in
// large blocks and output is written in large blocks, with no per-line stream operations.
#include "cli/command.hpp"
#include "shared/ids/scheme.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <istream>
#include <ostream>
#include <string>

namespace onb::cli {
namespace {

// Big enough to amortise the stream calls, small enough not to matter for memory.
constexpr std::size_t block_size = 1 << 16;

// True for the bytes a JSON string can carry as they are: printable ASCII except " and \.
constexpr auto plain_bytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

// The output of one line is written through a raw pointer into space reserved once per line (its
// length is bounded by the input's), so the loop makes no capacity checks or library calls.
// Escaping grows a byte to at most 6 ("\u00XX"); invalid UTF-8 becomes U+FFFD (3 bytes).
constexpr std::size_t max_escaped(std::size_t bytes) { return 6 * bytes + 2; }

template <std::size_t N>
char* put(char* w, const char (&literal)[N]) {
  std::memcpy(w, literal, N - 1);  // constant size: the compiler turns it into a few moves
  return w + N - 1;
}

char* put(char* w, std::string_view s) {
  std::memcpy(w, s.data(), s.size());
  return w + s.size();
}

// Writes the escaped form of s[i] (not a plain byte); returns how many input bytes it used.
std::size_t put_escaped(char*& w, std::string_view s, std::size_t i) {
  static constexpr char hex[] = "0123456789abcdef";
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '"' || c == '\\') {
    *w++ = '\\';
    *w++ = static_cast<char>(c);
    return 1;
  }
  if (c < 0x20) {
    w = put(w, "\\u00");
    *w++ = hex[c >> 4];
    *w++ = hex[c & 15];
    return 1;
  }
  const std::size_t n = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  bool valid = n != 0 && i + n <= s.size();
  for (std::size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  w = put(w, valid ? s.substr(i, n) : std::string_view("\xEF\xBF\xBD"));
  return valid ? n : 1;
}

// True when none of the 8 bytes needs escaping (all printable ASCII, no " or \), 8 bytes at a time:
// the "has a byte below n" bit trick is exact about whether such a byte exists.
bool plain_word(const char* p) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t high = 0x8080808080808080ULL;
  std::uint64_t v = 0;
  std::memcpy(&v, p, sizeof v);
  const auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & high; };
  const std::uint64_t control = (v - ones * 0x20) & ~v & high;
  return ((v & high) | control | has_zero(v ^ (ones * '"')) | has_zero(v ^ (ones * '\\'))) == 0;
}

char* put_json_string(char* w, std::string_view s) {
  *w++ = '"';
  for (std::size_t i = 0; i < s.size();) {
    std::size_t run = i;  // copy plain bytes in one go: most identifiers are nothing else
    while (run + 8 <= s.size() && plain_word(s.data() + run)) run += 8;
    while (run < s.size() && plain_bytes[static_cast<unsigned char>(s[run])]) ++run;
    w = put(w, s.substr(i, run - i));
    i = run < s.size() ? run + put_escaped(w, s, run) : run;
  }
  *w++ = '"';
  return w;
}

std::size_t max_result_size(std::string_view input, const ids::Check& c) {
  return max_escaped(input.size()) + max_escaped(c.compact.size()) + c.message.size() + 96;
}

char* put_result(char* w, std::string_view input, const ids::Check& c) {
  w = put(w, "{\"input\":");
  w = put_json_string(w, input);
  w = c.valid ? put(w, ",\"valid\":true,\"compact\":") : put(w, ",\"valid\":false,\"compact\":");
  w = put_json_string(w, c.compact);
  if (c.valid) return put(w, ",\"error\":null}\n");
  w = put(w, ",\"error\":{\"failure\":\"");
  w = put(w, std::string_view(boost::describe::enum_to_string(c.failure, "none")));
  w = put(w, "\",\"message\":\"");
  w = put(w, c.message);  // nothing to escape by construction (see ids::Check)
  return put(w, "\"}}\n");
}

// Output collected in large blocks; `reserve` makes room for one line at a time.
class Output {
 public:
  explicit Output(std::ostream& os) : os_(os), buffer_(2 * block_size, '\0') {}
  char* reserve(std::size_t bytes) {
    if (used_ + bytes > buffer_.size()) flush();
    if (bytes > buffer_.size()) buffer_.resize(bytes);  // one huge line
    return buffer_.data() + used_;
  }
  void commit(const char* end) {
    used_ = static_cast<std::size_t>(end - buffer_.data());
    if (used_ >= block_size) flush();
  }
  void flush() {
    os_.write(buffer_.data(), static_cast<std::streamsize>(used_));
    used_ = 0;
  }

 private:
  std::ostream& os_;
  std::string buffer_;
  std::size_t used_ = 0;
};

void list_schemes(std::ostream& os) {
  os << "schemes:";
  for (const auto& s : ids::schemes()) os << ' ' << s.name;
  os << '\n';
}

int run(std::span<const std::string> args, Io io) {
  const ids::Scheme* scheme = args.size() == 1 ? ids::find_scheme(args[0]) : nullptr;
  if (!scheme) {
    io.err << "onboard check-id: "
           << (args.size() == 1 ? "unknown scheme '" + args[0] + "'" : std::string("expected one SCHEME")) << "\n";
    list_schemes(io.err);
    return 2;
  }
  std::string pending;  // an incomplete last line carried over to the next block
  Output out(io.out);
  std::string block(block_size, '\0');
  const auto emit = [&](std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const ids::Check c = scheme->validate(line);
    out.commit(put_result(out.reserve(max_result_size(line, c)), line, c));
  };
  for (;;) {
    const auto got = io.in.rdbuf()->sgetn(block.data(), static_cast<std::streamsize>(block.size()));
    if (got <= 0) break;
    std::string_view data(block.data(), static_cast<std::size_t>(got));
    for (auto nl = data.find('\n'); nl != std::string_view::npos; nl = data.find('\n')) {
      if (pending.empty()) {
        emit(data.substr(0, nl));
      } else {
        pending.append(data.substr(0, nl));
        emit(pending);
        pending.clear();
      }
      data.remove_prefix(nl + 1);
    }
    pending.append(data);
  }
  if (!pending.empty()) emit(pending);
  out.flush();
  io.out.flush();
  return io.out ? 0 : 1;
}

const bool registered = register_command({
    "check-id",
    "check-id SCHEME   (SCHEME: eu.vat, iban, bic, lei, gb.vat, us.ein, ...; run without SCHEME for the list)",
    "checks one identifier a line from stdin; writes one JSON object a line: "
    "{\"input\",\"valid\",\"compact\",\"error\"} where error is null or {\"failure\": "
    "\"format\"|\"length\"|\"checksum\"|\"component\", \"message\"}",
    run,
});

}  // namespace
}  // namespace onb::cli
