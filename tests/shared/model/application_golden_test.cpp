// The application's wire format, pinned by golden files: each golden decodes, and encodes back to the
// same bytes (pretty-printed, keys sorted); the JSON Schema generated from the model is pinned too.
// Set ONB_UPDATE_GOLDEN=1 to rewrite the files after a deliberate format change (then bump the version).
#include "shared/core/json_schema.hpp"

#include "../validation/fixtures.hpp"

#include <cstdlib>

using namespace onb;

namespace {

const char* const k_goldens[] = {"complete", "minimal", "invalid-ownership", "invalid-identifiers",
                                 "invalid-financials"};

void compare_or_update(const std::string& relative, const std::string& actual) {
  if (std::getenv("ONB_UPDATE_GOLDEN")) {
    std::ofstream(test::source_path(relative), std::ios::binary) << actual;
    return;
  }
  CHECK_MESSAGE(test::read_file(relative) == actual, relative << " differs; rerun with ONB_UPDATE_GOLDEN=1 after a "
                                                                 "deliberate format change");
}

}  // namespace

TEST_CASE("golden applications round-trip byte for byte") {
  for (const char* name : k_goldens) {
    CAPTURE(name);
    const std::string relative = std::string("tests/data/applications/") + name + ".json";
    const auto text = test::read_file(relative);
    const auto parsed = parse_json(text);
    REQUIRE(parsed);
    const auto app = decode<model::Application>(*parsed);
    REQUIRE_MESSAGE(app, (app ? "" : app.error().path + ": " + app.error().message));
    compare_or_update(relative, encode(*app).dump(2) + "\n");
  }
}

TEST_CASE("the application's JSON Schema is generated from the model and pinned") {
  const Json schema =
      json_schema<model::Application>("https://onboard.example/schemas/application-v1.json", "onboard application");
  compare_or_update("tests/data/applications/application.schema.json", schema.dump(2) + "\n");
  SUBCASE("it names the parts and their required fields") {
    CHECK(schema["properties"]["owners"]["items"]["properties"].contains("ownership_percent"));
    const auto& entity_required = schema["properties"]["entity"]["required"];
    CHECK(std::find(entity_required.begin(), entity_required.end(), "legal_name") != entity_required.end());
    CHECK(schema["properties"]["entity"]["properties"]["entity_type"]["enum"].size() == 7);
  }
}

TEST_CASE("a wrong type is a decode error that names the field") {
  const auto r = decode_text<model::Application>(test::read_file("tests/data/applications/invalid-wrong-type.json"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "json.type");
  CHECK(r.error().path == "/entity/legal_name");
}

TEST_CASE("the document policy file decodes with the codec") {
  const auto& p = test::policy();
  CHECK(p.version == "documents-v1");
  CHECK(p.requirements.size() >= 6);
  for (const auto& r : p.requirements) {
    CAPTURE(r.id);
    CHECK_FALSE(r.accepted_types.empty());
    CHECK_FALSE(r.description_en.empty());
    CHECK_FALSE(r.description_de.empty());
  }
}
