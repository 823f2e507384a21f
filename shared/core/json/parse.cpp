#include "shared/core/json/parse.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace onb {
namespace {

// Forwards every SAX event to nlohmann's own DOM builder, but keeps the parse error's text and
// offset instead of throwing it, and refuses documents nested deeper than max_json_depth (the DOM
// and our decoder are fine with depth, but no honest client needs it and it costs memory).
class BoundedDomParser {
 public:
  explicit BoundedDomParser(Json& root) : dom_(root, /*allow_exceptions=*/false) {}

  bool null() { return value() && dom_.null(); }
  bool boolean(bool v) { return value() && dom_.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return value() && dom_.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return value() && dom_.number_unsigned(v); }
  bool number_float(Json::number_float_t v, const std::string& s) { return value() && dom_.number_float(v, s); }
  bool string(std::string& v) { return value() && dom_.string(v); }
  bool binary(Json::binary_t& v) { return value() && dom_.binary(v); }
  bool start_object(std::size_t n) { return value() && enter(true) && dom_.start_object(n); }
  bool key(std::string& k) { return remember(k) && dom_.key(k); }
  bool end_object() { return leave() && dom_.end_object(); }
  bool start_array(std::size_t n) { return value() && enter(false) && dom_.start_array(n); }
  bool end_array() { return leave() && dom_.end_array(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    // Anything but whitespace after the one value is its own code: a body is one JSON value.
    // (nlohmann words it "unexpected <token>; expected end of input"; "unexpected end of input" is
    // a truncated value, a syntax error.)
    const bool trailing = std::string_view(ex.what()).find("; expected end of input") != std::string_view::npos;
    error_ = make_error(ErrorCategory::malformed, trailing ? "json.trailing_bytes" : "json.syntax", "", describe(ex.what(), position));
    return false;
  }

  const std::optional<Error>& error() const { return error_; }

 private:
  // One open object or array: the keys seen so far (objects) or the next index (arrays), and
  // the JSON pointer segment of the member being read, so a repeated key is named by its path.
  struct Frame {
    bool object = false;
    std::set<std::string, std::less<>> keys;
    std::size_t next_index = 0;
    std::string segment;
  };

  bool value() {
    if (!frames_.empty() && !frames_.back().object) frames_.back().segment = std::to_string(frames_.back().next_index++);
    return true;
  }
  bool enter(bool object) {
    if (++depth_ > max_json_depth) {
      error_ = make_error(ErrorCategory::malformed, "json.too_deep", "", "JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
      return false;
    }
    frames_.push_back(Frame{.object = object});
    return true;
  }
  bool leave() {
    --depth_;
    frames_.pop_back();
    return true;
  }
  // The last of two equal keys would silently win, so a client and the server could read one
  // document differently; such a document is refused.
  bool remember(const std::string& k) {
    Frame& top = frames_.back();
    top.segment = escape(k);
    if (top.keys.insert(k).second) return true;
    error_ = make_error(ErrorCategory::malformed, "json.duplicate_key", pointer(), "duplicate object key \"" + k + "\"");
    return false;
  }
  std::string pointer() const {
    std::string p;
    for (const Frame& f : frames_) p += "/" + f.segment;
    return p;
  }
  static std::string escape(std::string_view k) {
    std::string out;
    for (char c : k) out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return out;
  }
  static std::string describe(std::string what, std::size_t position) {
    // nlohmann's text starts with "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
    if (auto p = what.find("] "); p != std::string::npos) what.erase(0, p + 2);
    return "malformed JSON (byte " + std::to_string(position) + "): " + what;
  }

  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  std::size_t depth_ = 0;
  std::vector<Frame> frames_;
  std::optional<Error> error_;
};

Result<Json> parse_json_value(std::string_view text) {
  Json root;
  BoundedDomParser sax(root);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json,
                                  /*strict=*/true, /*ignore_comments=*/false);
  if (sax.error()) return *sax.error();
  if (!ok) return make_error(ErrorCategory::malformed, "json.syntax", "", "malformed JSON");
  return Result<Json>(boost::system::in_place_value, std::move(root));
}

}  // namespace

// nlohmann's lexer takes a NUL byte for the end of input, so `{...}\0anything` would parse as
// `{...}`. A raw NUL is never valid JSON (not even inside a string), so the text is cut there and
// whatever parses before it is refused for the bytes after it.
Result<Json> parse_json(std::string_view text) {
  const auto nul = text.find('\0');
  if (nul == std::string_view::npos) return parse_json_value(text);
  auto head = parse_json_value(text.substr(0, nul));
  if (!head) return head;
  return make_error(ErrorCategory::malformed, "json.trailing_bytes", "",
                    "bytes after the JSON value (byte " + std::to_string(nul) + ")");
}

}  // namespace onb
