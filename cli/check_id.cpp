// `onboard check-id SCHEME`: checks one identifier a line from stdin with shared/ids and writes one
// JSON object a line, in input order. Built for bulk use (millions of lines): input is read in
// large blocks and output is written in large blocks, with no per-line stream operations.
#include "cli/command.hpp"
#include "shared/ids/scheme.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <array>
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

// Appends the escaped form of s[i] (not a plain byte); returns how many input bytes it used.
// Invalid UTF-8 becomes U+FFFD so that every line stays valid JSON.
std::size_t append_escaped(std::string& out, std::string_view s, std::size_t i) {
  static constexpr char hex[] = "0123456789abcdef";
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '"' || c == '\\') {
    out.push_back('\\');
    out.push_back(static_cast<char>(c));
    return 1;
  }
  if (c < 0x20) {
    out.append("\\u00");
    out.push_back(hex[c >> 4]);
    out.push_back(hex[c & 15]);
    return 1;
  }
  const std::size_t n = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  bool valid = n != 0 && i + n <= s.size();
  for (std::size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  out.append(valid ? s.substr(i, n) : std::string_view("\xEF\xBF\xBD"));
  return valid ? n : 1;
}

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (std::size_t i = 0; i < s.size();) {
    std::size_t run = i;  // copy plain bytes in one go: most identifiers are nothing else
    while (run < s.size() && plain_bytes[static_cast<unsigned char>(s[run])]) ++run;
    out.append(s.substr(i, run - i));
    i = run < s.size() ? run + append_escaped(out, s, run) : run;
  }
  out.push_back('"');
}

void append_result(std::string& out, std::string_view input, const ids::Check& c) {
  using namespace std::string_view_literals;
  out.append("{\"input\":"sv);
  append_json_string(out, input);
  out.append(c.valid ? ",\"valid\":true,\"compact\":"sv : ",\"valid\":false,\"compact\":"sv);
  append_json_string(out, c.compact);
  if (c.valid) {
    out.append(",\"error\":null}\n"sv);
    return;
  }
  out.append(",\"error\":{\"failure\":\""sv);
  out.append(boost::describe::enum_to_string(c.failure, "none"));
  out.append("\",\"message\":"sv);
  append_json_string(out, c.message);
  out.append("}}\n"sv);
}

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
  std::string out;
  out.reserve(2 * block_size);
  std::string block(block_size, '\0');
  const auto emit = [&](std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    append_result(out, line, scheme->validate(line));
    if (out.size() >= block_size) {
      io.out.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
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
  io.out.write(out.data(), static_cast<std::streamsize>(out.size()));
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
