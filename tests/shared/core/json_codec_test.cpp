// The generic JSON codec: what it accepts, what it refuses, and where it says the problem is.
#include "shared/core/json_codec.hpp"
#include "shared/core/json_schema.hpp"

#include "../support.hpp"
#include "../validation/fixtures.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace codec_test {

BOOST_DEFINE_ENUM_CLASS(Terms, net_30, net_60, prepayment)

struct Line {
  std::string street;
  std::optional<std::string> postal_code;
};
BOOST_DESCRIBE_STRUCT(Line, (), (street, postal_code))

struct Sample {
  std::string name;
  std::int32_t employees = 0;
  std::uint16_t small = 0;
  double revenue = 0;
  bool active = false;
  Terms terms = Terms::net_30;
  std::optional<std::int64_t> limit;
  std::vector<Line> lines;
  std::map<std::string, std::string> labels;
};
BOOST_DESCRIBE_STRUCT(Sample, (), (name, employees, small, revenue, active, terms, limit, lines, labels))

const char* const minimal = R"({"name":"ACME","employees":3,"small":1,"revenue":2.5,"active":true,"terms":"net_60"})";

}  // namespace codec_test

using namespace codec_test;
using onb::Json;

TEST_CASE("a described struct round-trips through JSON") {
  Sample s;
  s.name = "Société Générale";
  s.employees = 120;
  s.revenue = 1.5e6;
  s.terms = Terms::prepayment;
  s.limit = 25000;
  s.lines = {{"Rue de la Paix 1", "75002"}, {"Ποσειδώνος 3", std::nullopt}};
  s.labels = {{"segment", "enterprise"}};

  const Json j = onb::encode(s);
  CHECK(j["terms"] == "prepayment");
  CHECK(j["lines"][1].contains("postal_code") == false);  // absent optionals are omitted, not null

  auto back = onb::decode<Sample>(j);
  REQUIRE(back);
  CHECK(onb::encode(*back) == j);
}

TEST_CASE("strict decoding names the field that is wrong") {
  auto decode = [](const char* text) { return onb::decode_text<Sample>(text); };

  SUBCASE("a minimal document decodes; lists and optionals may be absent") {
    auto r = decode(minimal);
    REQUIRE(r);
    CHECK(r->terms == Terms::net_60);
    CHECK_FALSE(r->limit.has_value());
  }
  SUBCASE("wrong type") {
    auto r = decode(R"({"name":7,"employees":3,"small":1,"revenue":2.5,"active":true,"terms":"net_60"})");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.type");
    CHECK(r.error().path == "/name");
    CHECK(r.error().message == "expected string, got integer");
  }
  SUBCASE("unknown field, with its name escaped in the pointer") {
    Json j = Json::parse(minimal);
    j["na/me~"] = "typo";
    auto r = onb::decode<Sample>(j);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.unknown_field");
    CHECK(r.error().path == "/na~1me~0");
  }
  SUBCASE("missing required field") {
    Json j = Json::parse(minimal);
    j.erase("employees");
    auto r = onb::decode<Sample>(j);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.missing_field");
    CHECK(r.error().path == "/employees");
  }
  SUBCASE("nested paths go through arrays and objects") {
    Json j = Json::parse(minimal);
    j["lines"] = Json::array({{{"street", "a"}}, {{"street", "b"}, {"postal_code", 12}}});
    auto r = onb::decode<Sample>(j);
    REQUIRE_FALSE(r);
    CHECK(r.error().path == "/lines/1/postal_code");
  }
  SUBCASE("enum values are their names") {
    Json j = Json::parse(minimal);
    j["terms"] = "net_90";
    auto r = onb::decode<Sample>(j);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.enum");
    CHECK(r.error().message == "'net_90' is not one of: net_30, net_60, prepayment");
  }
  SUBCASE("integers are range checked and fractions are not integers") {
    Json j = Json::parse(minimal);
    j["small"] = 70000;
    CHECK(onb::decode<Sample>(j).error().code == "json.range");
    j["small"] = -1;
    CHECK(onb::decode<Sample>(j).error().code == "json.range");
    j["small"] = 1.5;
    CHECK(onb::decode<Sample>(j).error().code == "json.type");
  }
  SUBCASE("null is accepted only for optionals") {
    Json j = Json::parse(minimal);
    j["limit"] = nullptr;
    CHECK(onb::decode<Sample>(j));
    j["name"] = nullptr;
    CHECK(onb::decode<Sample>(j).error().path == "/name");
  }
  SUBCASE("the document itself must be an object") {
    auto r = decode("[1,2]");
    REQUIRE_FALSE(r);
    CHECK(r.error().path == "");
    CHECK(r.error().message == "expected object, got array");
  }
}

TEST_CASE("parsing untrusted text never throws") {
  SUBCASE("malformed JSON gives the byte offset") {
    auto r = onb::parse_json(R"({"name": "x",})");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.syntax");
    CHECK(r.error().message.find("byte") != std::string::npos);
  }
  SUBCASE("invalid UTF-8 is a syntax error") {
    auto r = onb::parse_json("{\"name\": \"\xC3\x28\"}");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.syntax");
  }
  SUBCASE("deep nesting is refused") {
    std::string deep(10000, '[');
    auto r = onb::parse_json(deep);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.too_deep");
  }
  SUBCASE("empty input and trailing garbage") {
    CHECK_FALSE(onb::parse_json(""));
    CHECK_FALSE(onb::parse_json("{} {}"));
    CHECK(onb::parse_json("{} {}").error().code == "json.trailing_bytes");
    CHECK(onb::parse_json(" {} \r\n\t"));
  }
  SUBCASE("a NUL byte does not end the text: what follows it is refused") {
    using namespace std::string_view_literals;
    auto r = onb::parse_json("{\"name\": \"x\"}\0garbage{{"sv);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.trailing_bytes");
    CHECK(r.error().message.find("byte 13") != std::string::npos);
    CHECK_FALSE(onb::parse_json("{\"name\": \"x\"}\0"sv));
    CHECK(onb::decode_text<codec_test::Line>("{\"street\": \"x\"}\0{"sv).error().code == "json.trailing_bytes");
  }
  SUBCASE("a key repeated in one object is refused, named by its JSON pointer") {
    auto r = onb::parse_json(R"({"a": [1, {"b": 1, "b": 2}]})");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.duplicate_key");
    CHECK(r.error().path == "/a/1/b");
    CHECK(onb::parse_json(R"({"a/b~": 1, "a/b~": 2})").error().path == "/a~1b~0");
    CHECK(onb::parse_json(R"({"a": {"b": 1}, "c": {"b": 2}})"));
    auto d = onb::decode_text<codec_test::Line>(R"({"street": "x", "street": "y"})");
    REQUIRE_FALSE(d);
    CHECK(d.error().code == "json.duplicate_key");
    CHECK(d.error().path == "/street");
  }
  SUBCASE("a large string is just a string") {
    std::string big = "\"" + std::string(10 * 1024 * 1024, 'a') + "\"";
    auto r = onb::parse_json(big);
    REQUIRE(r);
    CHECK(r->get_ref<const std::string&>().size() == 10 * 1024 * 1024);
  }
}

TEST_CASE("the JSON Schema is generated from the same description") {
  const Json s = onb::json_schema<Sample>("https://onboard.example/schema/sample.json", "Sample");
  CHECK(s["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(s["type"] == "object");
  CHECK(s["additionalProperties"] == false);
  CHECK(s["required"] == Json::array({"name", "employees", "small", "revenue", "active", "terms"}));
  CHECK(s["properties"]["terms"]["enum"] == Json::array({"net_30", "net_60", "prepayment"}));
  CHECK(s["properties"]["small"]["minimum"] == 0);
  CHECK(s["properties"]["lines"]["items"]["required"] == Json::array({"street"}));
  CHECK(s["properties"]["limit"]["anyOf"][1]["type"] == "null");
}

TEST_CASE("described values print as JSON so failures show them") {
  CHECK(doctest::toString(Line{"Main St", "12345"}) == R"({"postal_code":"12345","street":"Main St"})");
  CHECK(onb::to_display_string(Terms::net_60) == R"("net_60")");
  CHECK(doctest::toString(onb::Result<int>(onb::make_error(onb::ErrorCategory::invalid, "x.y", "/a", "m"))) ==
        R"(error {"code":"x.y","message":"m","path":"/a"})");
  CHECK(doctest::toString(onb::Result<int>(7)) == "ok 7");
}

TEST_CASE("an Error itself decodes, as clients do with the server's error replies") {
  auto r = onb::decode_text<onb::Error>(R"({"code":"json.type","path":"/legal_name","message":"expected string"})");
  REQUIRE(r);
  CHECK(r->path == "/legal_name");
  CHECK(onb::decode_text<onb::Error>(R"({"code":"x"})").error().code == "json.missing_field");
}

// The text writer must be a faster spelling of the same bytes: answers are replayed byte for byte
// and events are hashed over their text.
namespace {
std::string tree_text(const auto& v) { return onb::encode(v).dump(-1, ' ', false, Json::error_handler_t::replace); }
}  // namespace

TEST_CASE("encode_text writes exactly the bytes of the Json tree's dump") {
  SUBCASE("every kind of value, keys in the tree's order") {
    Sample s;
    s.name = "ACME \"Holding\" \\ Ltd\n\t\x01\x1f\x7f é 東京 😀";
    s.employees = -42;
    s.small = 65535;
    s.revenue = 1234.5;
    s.active = true;
    s.terms = Terms::prepayment;
    s.limit = 9'000'000'000;
    s.lines = {{"Main St 1", std::nullopt}, {"", "1010"}};
    s.labels = {{"z", "last"}, {"a", "first"}, {"\"q\"", "quoted key"}};
    CHECK(onb::encode_text(s) == tree_text(s));
    CHECK(onb::encode_text(Sample{}) == tree_text(Sample{}));
  }
  SUBCASE("doubles and an undescribed enum value are spelled as the tree spells them") {
    for (const double d : {0.0, -0.0, 0.1, 1e21, 1e-7, 123456789.125, -2.5}) {
      Sample s;
      s.revenue = d;
      CHECK(onb::encode_text(s) == tree_text(s));
    }
    Sample s;
    s.terms = static_cast<Terms>(99);
    CHECK(onb::encode_text(s) == tree_text(s));
  }
  SUBCASE("invalid UTF-8 is replaced the tree's way, never thrown") {
    for (const std::string bad : {"\xff", "ab\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ok\xe2\x82"}) {
      Sample s;
      s.name = bad;
      CHECK(onb::encode_text(s) == tree_text(s));
    }
  }
  SUBCASE("a whole application, as stored and answered") {
    for (const auto* name : {"minimal", "complete"}) {
      const auto app = onb::test::golden(name);
      CHECK(onb::encode_text(app) == tree_text(app));
    }
  }
}

// decode_text reads straight from the text and falls back to the tree at any doubt: whatever the input,
// it must give exactly what the tree gives — the same value, or the same error.
namespace {
template <class T>
void same_as_tree(std::string_view text) {
  const auto fast = onb::decode_text<T>(text);
  const auto tree = onb::decode_text_tree<T>(text);
  REQUIRE(fast.has_value() == tree.has_value());
  if (fast) CHECK(onb::encode_text(*fast) == onb::encode_text(*tree));
  else CHECK(onb::encode_text(fast.error()) == onb::encode_text(tree.error()));
}
}  // namespace

TEST_CASE("decode_text gives exactly what the tree gives") {
  SUBCASE("the golden applications, valid or not") {
    for (const auto* name : {"minimal", "complete", "invalid-financials", "invalid-identifiers", "invalid-ownership",
                             "invalid-wrong-type"})
      same_as_tree<onb::model::Application>(onb::test::read_file(std::string("tests/data/applications/") + name + ".json"));
    // ...and the valid ones take the fast way, as stored applications must (else it is all cost, no gain).
    for (const auto* name : {"minimal", "complete"}) {
      const auto text = onb::encode_text(onb::test::golden(name));
      onb::model::Application app;
      onb::detail::FastReader in(text);
      CHECK(onb::detail::fast_read(in, app));
      CHECK(in.at_end());
    }
  }
  SUBCASE("the corners of JSON text") {
    for (const std::string& text : std::vector<std::string>{
             minimal,
             R"({"name":"A","name":"B","employees":1,"small":1,"revenue":1,"active":true,"terms":"net_30"})",  // repeated key
             R"({"n\u0061me":"\u00e9\ud83d\ude00\/\b\f\n\r\t\"\\","employees":-0,"small":65535,"revenue":1,"active":false,"terms":"net_30"})",
             R"({"name":"A","employees":01,"small":1,"revenue":1,"active":true,"terms":"net_30"})",
             R"({"name":"A","employees":1.0,"small":1,"revenue":1,"active":true,"terms":"net_30"})",
             R"({"name":"A","employees":1,"small":65536,"revenue":1,"active":true,"terms":"net_30"})",
             R"({"name":"A","employees":1,"small":-1,"revenue":1,"active":true,"terms":"net_30"})",
             R"({"name":"A","employees":2147483648,"small":1,"revenue":1,"active":true,"terms":"net_30"})",
             R"({"name":"A","employees":1,"small":1,"revenue":1e400,"active":true,"terms":"net_30"})",
             R"({"name":"\ud800","employees":1,"small":1,"revenue":1,"active":true,"terms":"net_30"})",
             R"({"name":"A","employees":1,"small":1,"revenue":1,"active":true,"terms":"net_90"})",
             R"({"name":"A","employees":1,"small":1,"revenue":1,"active":true,"terms":"net_30","limit":null,"lines":[],"labels":{"k":"v","k":"w"}})",
             R"({"name":"A","employees":1,"small":1,"revenue":1,"active":true,"terms":"net_30","lines":[{"street":"x","postal_code":null}]} x)",
             "\xef\xbb\xbf" + std::string(minimal),  // a byte order mark
             R"( { "name" : "A" , "employees" : 1 , "small" : 1 , "revenue" : 1 , "active" : true , "terms" : "net_30" } )",
             "{\"name\":\"\xc3\x28\",\"employees\":1,\"small\":1,\"revenue\":1,\"active\":true,\"terms\":\"net_30\"}",
             "{\"name\":\"a\tb\",\"employees\":1,\"small\":1,\"revenue\":1,\"active\":true,\"terms\":\"net_30\"}",
             R"({"name":"A","employees":1,"small":1,"revenue":1,"active":true})",
             "", "null", "[]", "{", "{}"})
      same_as_tree<Sample>(text);
    for (const std::string number : {"60.0", "-0.0", "0", "1E+2", "1e-2", "0.1", "12345678901234567890", "1e400",
                                     "2.2250738585072014e-308", "4.9e-324", "1.", ".5", "1e", "-", "00.5", "-01", "1.5e+",
                                     "123456789012345678901234567890.123456789"})
      same_as_tree<Sample>(R"({"name":"A","employees":1,"small":1,"revenue":)" + number +
                           R"(,"active":true,"terms":"net_30"})");
  }
  SUBCASE("thousands of mutations of a complete application") {
    const auto original = onb::test::read_file("tests/data/applications/complete.json");
    const std::string alphabet = "{}[]\",:\\ 0123456789-.eEtrufalsn\xc3\xa9\x80\xff";
    std::uint32_t seed = 12345;
    const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    for (int i = 0; i < 2000; ++i) {
      std::string text = original;
      for (int edits = 1 + static_cast<int>(next() % 3); edits > 0; --edits) {
        const auto at = next() % text.size();
        switch (next() % 3) {
          case 0: text[at] = alphabet[next() % alphabet.size()]; break;
          case 1: text.erase(at, 1); break;
          default: text.insert(at, 1, alphabet[next() % alphabet.size()]);
        }
      }
      same_as_tree<onb::model::Application>(text);
    }
  }
}
