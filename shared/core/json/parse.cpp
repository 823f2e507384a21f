#include "shared/core/json/parse.hpp"

#include <optional>
#include <string>

namespace onb {
namespace {

// Forwards every SAX event to nlohmann's own DOM builder, but keeps the parse error's text and
// offset instead of throwing it, and refuses documents nested deeper than max_json_depth (the DOM
// and our decoder are fine with depth, but no honest client needs it and it costs memory).
class BoundedDomParser {
 public:
  explicit BoundedDomParser(Json& root) : dom_(root, /*allow_exceptions=*/false) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(Json::number_float_t v, const std::string& s) { return dom_.number_float(v, s); }
  bool string(std::string& v) { return dom_.string(v); }
  bool binary(Json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return enter() && dom_.start_object(n); }
  bool key(std::string& k) { return dom_.key(k); }
  bool end_object() { return leave() && dom_.end_object(); }
  bool start_array(std::size_t n) { return enter() && dom_.start_array(n); }
  bool end_array() { return leave() && dom_.end_array(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    error_ = make_error(ErrorCategory::malformed, "json.syntax", "", describe(ex.what(), position));
    return false;
  }

  const std::optional<Error>& error() const { return error_; }

 private:
  bool enter() {
    if (++depth_ <= max_json_depth) return true;
    error_ = make_error(ErrorCategory::malformed, "json.too_deep", "", "JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
    return false;
  }
  bool leave() {
    --depth_;
    return true;
  }
  static std::string describe(std::string what, std::size_t position) {
    // nlohmann's text starts with "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
    if (auto p = what.find("] "); p != std::string::npos) what.erase(0, p + 2);
    return "malformed JSON (byte " + std::to_string(position) + "): " + what;
  }

  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  std::size_t depth_ = 0;
  std::optional<Error> error_;
};

}  // namespace

Result<Json> parse_json(std::string_view text) {
  Json root;
  BoundedDomParser sax(root);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json,
                                  /*strict=*/true, /*ignore_comments=*/false);
  if (sax.error()) return *sax.error();
  if (!ok) return make_error(ErrorCategory::malformed, "json.syntax", "", "malformed JSON");
  return Result<Json>(boost::system::in_place_value, std::move(root));
}

}  // namespace onb
