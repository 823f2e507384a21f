// The document file rules every client shares (validation/documents.hpp): one table of accepted media
// types that the application rule, the upload checks, the route table's OpenAPI text and the file
// chooser all follow, and the checks of an upload's announcement the server answers with a 422.
#include "shared/protocol/routes.hpp"
#include "shared/validation/documents.hpp"

#include "fixtures.hpp"

#include <set>

using namespace onb;
using validation::Problems;

namespace {

const std::string k_sha = std::string(64, 'a');

std::vector<std::string> paths_codes(const Problems& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.path + " " + p.code);
  return out;
}

Problems file_name_problems(std::string_view name) {
  Problems out;
  validation::check_file_name(name, out);
  return out;
}

// The media types the route table says a downloaded document is served as.
std::vector<std::string_view> download_types() {
  const auto& types = protocol::route(protocol::RouteId::get_document_content).response.media_types;
  return {types.begin(), types.end()};
}

}  // namespace

TEST_CASE("the accepted media types: PDF, PNG, JPEG and TIFF, each with extensions and magic bytes") {
  std::vector<std::string_view> names;
  for (const auto& m : validation::media_types) {
    CAPTURE(m.name);
    names.push_back(m.name);
    CHECK_FALSE(m.label.empty());
    CHECK_FALSE(m.extensions[0].empty());
    REQUIRE_FALSE(m.signatures[0].empty());
    for (auto sig : m.signatures)  // signature_length() reports one length per type
      CHECK((sig.empty() || sig.size() == m.signatures[0].size()));
    for (auto ext : m.extensions) CHECK((ext.empty() || ext.starts_with(".")));
  }
  CHECK(names == std::vector<std::string_view>{"application/pdf", "image/png", "image/jpeg", "image/tiff"});
  CHECK(std::set<std::string_view>(names.begin(), names.end()).size() == names.size());
  CHECK(validation::find_media_type("image/tiff") != nullptr);
  CHECK(validation::find_media_type("image/TIFF") == nullptr);  // media types are compared exactly
  CHECK(validation::find_media_type("image/gif") == nullptr);
}

TEST_CASE("a file starts like its media type: the magic-byte check of the first chunk") {
  SUBCASE("each accepted type by its signature, TIFF in both byte orders") {
    CHECK(validation::starts_like("application/pdf", "%PDF-1.7\n"));
    CHECK(validation::starts_like("image/png", std::string_view("\x89PNG\r\n\x1a\n\0\0", 10)));
    CHECK(validation::starts_like("image/jpeg", "\xFF\xD8\xFF\xE0"));
    CHECK(validation::starts_like("image/tiff", std::string_view("II*\0\x08\0", 6)));
    CHECK(validation::starts_like("image/tiff", std::string_view("MM\0*\0\0", 6)));
  }
  SUBCASE("another type's bytes, too few bytes, or a type not accepted are refused") {
    CHECK_FALSE(validation::starts_like("image/jpeg", std::string_view("\x89PNG\r\n\x1a\n", 8)));
    CHECK_FALSE(validation::starts_like("application/pdf", "%PD"));
    CHECK_FALSE(validation::starts_like("image/tiff", std::string_view("IM*\0", 4)));
    CHECK_FALSE(validation::starts_like("text/plain", "%PDF-"));
  }
  SUBCASE("how many bytes the check needs") {
    CHECK(validation::signature_length("application/pdf") == 5);
    CHECK(validation::signature_length("image/png") == 8);
    CHECK(validation::signature_length("image/tiff") == 4);
    CHECK(validation::signature_length("text/plain") == 0);
  }
}

TEST_CASE("every place that lists media types derives them from the one table") {
  SUBCASE("the file chooser offers every extension and every media type, nothing broader") {
    CHECK(validation::file_chooser_accept() ==
          ".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff");
  }
  SUBCASE("the route table serves a download as exactly the accepted types (the OpenAPI text)") {
    const std::vector<std::string_view> table(std::begin(validation::media_type_names),
                                              std::end(validation::media_type_names));
    CHECK(download_types() == table);
  }
  SUBCASE("the application rule accepts each of them and nothing else") {
    auto app = test::golden("complete");
    REQUIRE_FALSE(app.documents.empty());
    for (const auto& m : validation::media_types) {
      CAPTURE(m.name);
      app.documents[0].media_type = std::string(m.name);
      CHECK_FALSE(test::has(test::validate(app).problems, "/documents/0/media_type document.media_type"));
    }
    app.documents[0].media_type = "image/gif";
    CHECK(test::has(test::validate(app).problems, "/documents/0/media_type document.media_type"));
  }
}

TEST_CASE("the file name of an upload") {
  SUBCASE("a name with letters beyond ASCII and a no-break space is fine") {
    CHECK(file_name_problems("Gesch\xc3\xa4" "ftsbericht\xc2\xa0" "2025.pdf").empty());
    CHECK(file_name_problems(std::string(validation::max_file_name_bytes, 'a')).empty());
  }
  SUBCASE("each refusal is one document.file_name problem at /file_name, with its reason") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "Give the file's name."},
        {std::string(validation::max_file_name_bytes + 1, 'a'), "The file name is longer than 255 bytes."},
        {"../etc/passwd", "The file name must not contain a folder."},
        {"scans\\a.pdf", "The file name must not contain a folder."},
        {"a\tb.pdf", "The file name contains control characters."},
        {"a\x7f.pdf", "The file name contains control characters."},
        {"a\xc2\x85.pdf", "The file name contains control characters."},  // C1: NEL
        {"a\xc2\x9b" "31m.pdf", "The file name contains control characters."},  // C1: CSI
    };
    for (const auto& c : cases) {  // not a structured binding: clang 14 cannot capture one
      CAPTURE(c.first);
      const auto ps = file_name_problems(c.first);
      REQUIRE(ps.size() == 1);
      CHECK(ps[0].path == "/file_name");
      CHECK(ps[0].code == "document.file_name");
      CHECK(ps[0].message == c.second);
    }
  }
}

TEST_CASE("the SHA-256 a client declares is 64 lower-case hex digits") {
  CHECK(validation::is_sha256_hex("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
  CHECK_FALSE(validation::is_sha256_hex(std::string(64, 'A')));
  CHECK_FALSE(validation::is_sha256_hex(std::string(63, 'a')));
  CHECK_FALSE(validation::is_sha256_hex(std::string(65, 'a')));
  CHECK_FALSE(validation::is_sha256_hex(std::string(63, 'a') + "g"));
}

TEST_CASE("an upload's announcement: every problem at once, in field order") {
  SUBCASE("an acceptable file, with or without a declared hash") {
    CHECK(validation::check_upload("a.pdf", "application/pdf", 3, k_sha).empty());
    CHECK(validation::check_upload("a.tiff", "image/tiff", protocol::max_document_bytes, std::nullopt).empty());
  }
  SUBCASE("all four fields wrong") {
    const auto ps = validation::check_upload("", "text/plain", protocol::max_document_bytes + 1, "ABC");
    CHECK(paths_codes(ps) == std::vector<std::string>{"/file_name document.file_name", "/media_type document.media_type",
                                                      "/size document.size", "/sha256 document.sha256"});
    REQUIRE(ps.size() == 4);
    CHECK(ps[1].message == "Upload a PDF, PNG, JPEG or TIFF file.");  // named from the table, in its order
    CHECK(ps[2].params == validation::Params{{"max_mib", "25"}});
  }
  SUBCASE("an empty file") {
    CHECK(paths_codes(validation::check_upload("a.pdf", "application/pdf", 0, std::nullopt)) ==
          std::vector<std::string>{"/size document.size"});
  }
}
