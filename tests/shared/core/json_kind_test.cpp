// The one type classification of the JSON layer: every C++ type maps to exactly one JsonKind, and
// a value of each kind comes back unchanged through both the tree (encode / decode) and the text
// path (encode_text / the fast reader), which write the same bytes.
#include "shared/core/json_codec.hpp"
#include "shared/core/json_schema.hpp"

#include "../support.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kind_test {

BOOST_DEFINE_ENUM_CLASS(Colour, red, dark_blue)

struct Point {
  std::int32_t x = 0;
  std::optional<std::string> label;
  bool operator==(const Point&) const = default;
};
BOOST_DESCRIBE_STRUCT(Point, (), (x, label))

struct Undescribed {};
enum class PlainEnum { a };

}  // namespace kind_test

using namespace kind_test;
using onb::JsonKind;
using onb::json_kind;

// The table: which kind each type is. A new supported type gets its row here.
static_assert(json_kind<bool> == JsonKind::boolean);
static_assert(json_kind<std::int8_t> == JsonKind::integer);
static_assert(json_kind<std::uint16_t> == JsonKind::integer);
static_assert(json_kind<std::int64_t> == JsonKind::integer);
static_assert(json_kind<std::uint64_t> == JsonKind::integer);
static_assert(json_kind<float> == JsonKind::floating);
static_assert(json_kind<double> == JsonKind::floating);
static_assert(json_kind<std::string> == JsonKind::string);
static_assert(json_kind<Colour> == JsonKind::enumeration);
static_assert(json_kind<std::optional<int>> == JsonKind::optional);
static_assert(json_kind<std::vector<Point>> == JsonKind::list);
static_assert(json_kind<std::map<std::string, int>> == JsonKind::string_map);
static_assert(json_kind<Point> == JsonKind::record);
static_assert(json_kind<onb::Error> == JsonKind::record);
static_assert(json_kind<const Point> == JsonKind::record);
// ...and what is not supported, so that it fails to compile instead of being guessed at.
static_assert(json_kind<Undescribed> == JsonKind::unsupported);
static_assert(json_kind<PlainEnum> == JsonKind::unsupported);
static_assert(json_kind<std::map<int, int>> == JsonKind::unsupported);
static_assert(json_kind<const char*> == JsonKind::unsupported);
static_assert(json_kind<std::string_view> == JsonKind::unsupported);

namespace {

// `value` encodes to `text` on both paths and decodes back from it on both paths; `fast` says
// whether the text path reads it without the tree.
template <class T>
void round_trips(const T& value, const std::string& text, bool fast = true) {
  CAPTURE(text);
  CHECK(onb::encode_text(value) == text);
  CHECK(onb::encode(value).dump(-1, ' ', false, onb::Json::error_handler_t::replace) == text);

  const auto tree = onb::decode<T>(onb::Json::parse(text));
  REQUIRE(tree);
  CHECK(*tree == value);

  T direct{};
  onb::detail::FastReader in(text);
  CHECK((onb::detail::fast_read(in, direct) && in.at_end()) == fast);
  if (fast) CHECK(direct == value);

  const auto through_text = onb::decode_text<T>(text);
  REQUIRE(through_text);
  CHECK(*through_text == value);
}

}  // namespace

TEST_CASE("a value of every kind comes back unchanged through the tree and through the text") {
  SUBCASE("boolean") {
    round_trips(true, "true");
    round_trips(false, "false");
  }
  SUBCASE("integer, to the ends of its type") {
    round_trips(std::int8_t{-128}, "-128");
    round_trips(std::uint16_t{65535}, "65535");
    round_trips(std::int64_t{-9'223'372'036'854'775'807 - 1}, "-9223372036854775808");
    round_trips(std::uint64_t{18'446'744'073'709'551'615u}, "18446744073709551615");
  }
  SUBCASE("floating: double is read directly; float, absent from the model, through the tree") {
    round_trips(2.5, "2.5");
    round_trips(-0.001, "-0.001");
    round_trips(1e300, "1e+300");
    round_trips(0.5f, "0.5", /*fast=*/false);
  }
  SUBCASE("string, escaped as nlohmann escapes it") {
    round_trips(std::string("Zürich \"HQ\"\n\x01"), "\"Zürich \\\"HQ\\\"\\n\\u0001\"");
    round_trips(std::string(), "\"\"");
  }
  SUBCASE("enumeration, by name") {
    round_trips(Colour::dark_blue, "\"dark_blue\"");
  }
  SUBCASE("optional: the value or null") {
    round_trips(std::optional<std::int32_t>(7), "7");
    round_trips(std::optional<std::int32_t>(), "null");
    round_trips(std::optional<Colour>(Colour::red), "\"red\"");
  }
  SUBCASE("list") {
    round_trips(std::vector<std::int32_t>{3, 1, 2}, "[3,1,2]");
    round_trips(std::vector<std::string>{}, "[]");
    round_trips(std::vector<std::optional<bool>>{true, std::nullopt}, "[true,null]");
  }
  SUBCASE("string map, keys in order") {
    round_trips(std::map<std::string, std::int32_t>{{"b", 2}, {"a", 1}}, R"({"a":1,"b":2})");
    round_trips(std::map<std::string, std::vector<std::int32_t>>{}, "{}");
  }
  SUBCASE("record: members sorted by name, an absent optional omitted") {
    round_trips(Point{4, "north"}, R"({"label":"north","x":4})");
    round_trips(Point{-1, std::nullopt}, R"({"x":-1})");
    round_trips(std::vector<Point>{{1, std::nullopt}, {2, "b"}}, R"([{"x":1},{"label":"b","x":2}])");
  }
}

TEST_CASE("the JSON Schema has one entry per kind") {
  using onb::detail::schema_of;
  CHECK(schema_of<bool>() == onb::Json::parse(R"({"type":"boolean"})"));
  CHECK(schema_of<std::uint8_t>() == onb::Json::parse(R"({"type":"integer","minimum":0})"));
  CHECK(schema_of<std::int8_t>() == onb::Json::parse(R"({"type":"integer"})"));
  CHECK(schema_of<double>() == onb::Json::parse(R"({"type":"number"})"));
  CHECK(schema_of<std::string>() == onb::Json::parse(R"({"type":"string"})"));
  CHECK(schema_of<Colour>() == onb::Json::parse(R"({"type":"string","enum":["red","dark_blue"]})"));
  CHECK(schema_of<std::optional<bool>>() == onb::Json::parse(R"({"anyOf":[{"type":"boolean"},{"type":"null"}]})"));
  CHECK(schema_of<std::vector<bool>>() == onb::Json::parse(R"({"type":"array","items":{"type":"boolean"}})"));
  CHECK(schema_of<std::map<std::string, bool>>() ==
        onb::Json::parse(R"({"type":"object","additionalProperties":{"type":"boolean"}})"));
  CHECK(schema_of<Point>() == onb::Json::parse(R"({"type":"object","additionalProperties":false,"required":["x"],
        "properties":{"x":{"type":"integer"},"label":{"anyOf":[{"type":"string"},{"type":"null"}]}}})"));
}
