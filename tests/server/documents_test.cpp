// Document upload and download over real HTTP against a real SQLite file: chunked, resumable uploads,
// the magic-byte check, the SHA-256 the server records, downloads byte for byte, and who may see and
// add documents. Bad document requests get 4xx JSON errors like the rest of the API.
#include "api_support.hpp"

#include <sodium.h>

#include <cstdio>

using namespace onb::test;
using onb::Json;

namespace {

// A minimal well-formed one-page PDF (the cross-reference offsets are computed), about 600 bytes.
std::string small_pdf() {
  const std::string text = "BT /F1 12 Tf 20 50 Td (onboard test document) Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const auto xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto o : offsets) {
    char line[21];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A valid 1x1 RGB PNG.
const std::string k_png(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
    "\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\xf8\xdf\xc0\x00\x00\x04\x01\x01\x80\xc5\x2a\x18"
    "\x5d\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    69);
// The start of a JFIF file (SOI, APP0) with filler and EOI: enough for the signature check.
const std::string k_jpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20) +
                           std::string(200, '\x42') + "\xFF\xD9";

std::string sha256_hex(const std::string& bytes) {
  REQUIRE(sodium_init() >= 0);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string range(std::size_t first, std::size_t size, std::size_t total) {
  return "bytes " + std::to_string(first) + "-" + std::to_string(first + size - 1) + "/" + std::to_string(total);
}

struct Uploads : ApiFixture {
  std::string enrollment;

  Uploads() {
    register_customer("cust");
    register_customer("other");
    const auto r = call("cust", "POST", "/v1/enrollments", Json{{"application", complete_application()}}.dump());
    REQUIRE_MESSAGE(r.status == 201, r.body);
    enrollment = r.json()["id"].get<std::string>();
  }

  std::string documents() const { return "/v1/enrollments/" + enrollment + "/documents"; }
  std::string content(const std::string& doc) const { return documents() + "/" + doc + "/content"; }

  HttpResponse announce(const std::string& who, const Json& body, HeaderList extra = {}) {
    return call(who, "POST", documents(), body.dump(), std::move(extra));
  }
  // Announces a file and returns the document id.
  std::string announced(const std::string& file_name, const std::string& media_type, std::size_t size,
                        std::optional<std::string> sha256 = std::nullopt) {
    Json body{{"type", "register_extract"}, {"file_name", file_name}, {"media_type", media_type}, {"size", size}};
    if (sha256) body["sha256"] = *sha256;
    const auto r = announce("cust", body);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    CHECK(r.json()["state"] == "uploading");
    CHECK(r.json()["received"] == 0);
    return r.json()["id"].get<std::string>();
  }
  HttpResponse put_raw(const std::string& who, const std::string& doc, const std::string& bytes, HeaderList headers) {
    if (tokens.count(who)) headers.emplace_back("Authorization", "Bearer " + tokens[who]);
    return must(fetch(server.port, HttpRequest{"PUT", content(doc), std::move(headers), bytes}));
  }
  // Bytes [first, first + size) of `file` as one chunk.
  HttpResponse put_chunk(const std::string& doc, const std::string& file, std::size_t first, std::size_t size,
                         const std::string& who = "cust") {
    return put_raw(who, doc, file.substr(first, size),
                   {{"Content-Type", "application/octet-stream"}, {"Content-Range", range(first, size, file.size())}});
  }
  // Uploads the whole file in chunks of `chunk` bytes; returns the last answer.
  HttpResponse upload(const std::string& doc, const std::string& file, std::size_t chunk) {
    HttpResponse last;
    for (std::size_t at = 0; at < file.size(); at += chunk) {
      last = put_chunk(doc, file, at, std::min(chunk, file.size() - at));
      REQUIRE_MESSAGE(last.status == 200, last.body);
    }
    return last;
  }
};

}  // namespace

TEST_CASE("a PDF uploaded in three chunks is complete, carries its SHA-256 and downloads byte for byte") {
  Uploads u;
  const auto pdf = small_pdf();
  const auto doc = u.announced("Handelsregister \"Auszug\" 2026.pdf", "application/pdf", pdf.size());
  const auto third = pdf.size() / 3 + 1;

  auto r = u.put_chunk(doc, pdf, 0, third);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(r.json()["received"] == third);
  CHECK(r.json()["state"] == "uploading");
  CHECK_FALSE(r.json().contains("sha256"));
  r = u.put_chunk(doc, pdf, third, third);
  CHECK(r.json()["received"] == 2 * third);
  r = u.put_chunk(doc, pdf, 2 * third, pdf.size() - 2 * third);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(r.json()["state"] == "complete");
  CHECK(r.json()["received"] == pdf.size());
  CHECK(r.json()["sha256"] == sha256_hex(pdf));
  CHECK(r.json()["uploaded_by"] == u.ids["cust"]);

  const auto meta = u.call("cust", "GET", u.documents() + "/" + doc);
  CHECK(meta.status == 200);
  CHECK(meta.json() == r.json());
  const auto list = u.call("cust", "GET", u.documents());
  REQUIRE(list.status == 200);
  REQUIRE(list.json()["items"].size() == 1);
  CHECK(list.json()["items"][0] == r.json());

  const auto file = u.call("cust", "GET", u.content(doc));
  REQUIRE(file.status == 200);
  CHECK(file.body == pdf);
  CHECK(file.header("Content-Type") == "application/pdf");
  CHECK(file.header("X-Content-Type-Options") == "nosniff");
  CHECK(file.header("Content-Disposition") ==
        "attachment; filename=\"Handelsregister _Auszug_ 2026.pdf\"; "
        "filename*=UTF-8''Handelsregister%20%22Auszug%22%202026.pdf");
}

TEST_CASE("an interrupted upload resumes from `received`, and re-sent chunks are answered, not refused") {
  Uploads u;
  const auto pdf = small_pdf();
  const auto doc = u.announced("extract.pdf", "application/pdf", pdf.size(), sha256_hex(pdf));
  const std::size_t chunk = 150;
  REQUIRE(u.put_chunk(doc, pdf, 0, chunk).status == 200);

  // The answer to the second chunk was "lost": the client sends it again and gets the same state.
  REQUIRE(u.put_chunk(doc, pdf, chunk, chunk).status == 200);
  const auto again = u.put_chunk(doc, pdf, chunk, chunk);
  CHECK(again.status == 200);
  CHECK(again.json()["received"] == 2 * chunk);

  SUBCASE("a chunk that skips bytes gets 409 with where to resume") {
    const auto gap = u.put_chunk(doc, pdf, 3 * chunk, pdf.size() - 3 * chunk);
    CHECK(gap.status == 409);
    CHECK(gap.json()["code"] == "document.offset");
    CHECK(gap.json()["received"] == 2 * chunk);
    CHECK_FALSE(gap.json().value("message", "").empty());
  }
  SUBCASE("a chunk that overlaps the stored end gets 409 too") {
    const auto overlap = u.put_chunk(doc, pdf, 2 * chunk - 10, 20);
    CHECK(overlap.status == 409);
    CHECK(overlap.json()["received"] == 2 * chunk);
  }
  // The client asks where to go on, resumes, and finishes; re-sending the last chunk changes nothing.
  const auto meta = u.call("cust", "GET", u.documents() + "/" + doc);
  const std::size_t from = meta.json()["received"];
  CHECK(from == 2 * chunk);
  const auto last = u.put_chunk(doc, pdf, from, pdf.size() - from);
  REQUIRE_MESSAGE(last.status == 200, last.body);
  CHECK(last.json()["state"] == "complete");
  CHECK(last.json()["sha256"] == sha256_hex(pdf));
  const auto replay = u.put_chunk(doc, pdf, from, pdf.size() - from);
  CHECK(replay.status == 200);
  CHECK(replay.json() == last.json());
  CHECK(u.call("cust", "GET", u.content(doc)).body == pdf);
}

TEST_CASE("the file type is checked by its first bytes") {
  Uploads u;
  SUBCASE("PNG and JPEG are accepted") {
    for (const auto& sample :
         std::vector<std::pair<std::string, std::string>>{{k_png, "image/png"},
                                                          {k_jpeg, "image/jpeg"},
                                                          {std::string("II*\0\x08\0\0\0\0\0", 10), "image/tiff"},
                                                          {std::string("MM\0*\0\0\0\x08\0\0", 10), "image/tiff"}}) {
      const std::string type = sample.second;
      CAPTURE(type);
      const auto doc = u.announced("scan", type, sample.first.size());
      const auto done = u.upload(doc, sample.first, 64);
      CHECK(done.json()["state"] == "complete");
      const auto down = u.call("cust", "GET", u.content(doc));
      CHECK(down.body == sample.first);
      CHECK(down.header("Content-Type") == type);
    }
  }
  SUBCASE("a text file announced as a PDF is refused at the first chunk and nothing is stored") {
    const std::string text = "just some text pretending to be a PDF\n";
    const auto doc = u.announced("fake.pdf", "application/pdf", text.size());
    const auto r = u.put_chunk(doc, text, 0, text.size());
    CHECK(r.status == 422);
    CHECK(r.json()["code"] == "document.media_type");
    CHECK(u.call("cust", "GET", u.documents() + "/" + doc).json()["received"] == 0);
  }
  SUBCASE("a PNG announced as a JPEG is refused") {
    const auto doc = u.announced("photo.jpg", "image/jpeg", k_png.size());
    CHECK(u.put_chunk(doc, k_png, 0, k_png.size()).json()["code"] == "document.media_type");
  }
  SUBCASE("a media type uploads do not take is refused when announced") {
    const auto r =
        u.announce("cust", {{"type", "other"}, {"file_name", "a.txt"}, {"media_type", "text/plain"}, {"size", 3}});
    CHECK(r.status == 422);
    CHECK(r.json()["problems"][0]["code"] == "document.media_type");
  }
}

TEST_CASE("announcements and chunks beyond the limits are refused") {
  Uploads u;
  SUBCASE("every problem of an announcement at once, with its path") {
    const auto r = u.announce("cust", {{"type", "other"},
                                       {"file_name", "../etc/passwd"},
                                       {"media_type", "application/pdf"},
                                       {"size", (25ull << 20) + 1},
                                       {"sha256", "ABC"}});
    CHECK(r.status == 422);
    CHECK(r.json()["code"] == "validation.failed");
    const Json problems = r.json()["problems"];
    std::vector<std::string> paths;
    for (const auto& p : problems) paths.push_back(p["path"]);
    const std::vector<std::string> expected{"/file_name", "/size", "/sha256"};
    CHECK_MESSAGE(paths == expected, r.body);
    CHECK(r.json()["problems"][1]["code"] == "document.size");
  }
  SUBCASE("an empty file") {
    const auto r =
        u.announce("cust", {{"type", "other"}, {"file_name", "a.pdf"}, {"media_type", "application/pdf"}, {"size", 0}});
    CHECK(r.status == 422);
    CHECK(r.json()["problems"][0]["code"] == "document.size");
  }
  SUBCASE("a file name with a control character, C1 (U+0080-U+009F) included") {
    for (const char* name : {"a\tb.pdf", "a\x7f.pdf", "a\xc2\x85.pdf", "a\xc2\x9b" "31m.pdf"}) {
      CAPTURE(name);
      const auto r = u.announce(
          "cust", {{"type", "other"}, {"file_name", name}, {"media_type", "application/pdf"}, {"size", 3}});
      CHECK(r.status == 422);
      CHECK(r.json()["problems"][0]["code"] == "document.file_name");
    }
    const auto r = u.announce("cust", {{"type", "other"},
                                       {"file_name", "Gesch\xc3\xa4" "ftsbericht\xc2\xa0" "2025.pdf"},
                                       {"media_type", "application/pdf"},
                                       {"size", 3}});
    CHECK_MESSAGE(r.status == 201, r.body);
  }
  SUBCASE("a chunk larger than 1 MiB is 413") {
    const std::string big = "%PDF-" + std::string(1024 * 1024, 'x');
    const auto doc = u.announced("big.pdf", "application/pdf", big.size());
    const auto r = u.put_chunk(doc, big, 0, big.size());
    CHECK(r.status == 413);
    CHECK_FALSE(r.json().value("code", "").empty());
  }
}

TEST_CASE("a file whose SHA-256 differs from the announced one is dropped so the client can start over") {
  Uploads u;
  const auto pdf = small_pdf();
  const auto doc = u.announced("extract.pdf", "application/pdf", pdf.size(), std::string(64, '0'));
  REQUIRE(u.put_chunk(doc, pdf, 0, 100).status == 200);
  const auto r = u.put_chunk(doc, pdf, 100, pdf.size() - 100);
  CHECK(r.status == 422);
  CHECK(r.json()["code"] == "document.sha256");
  CHECK(r.json()["message"].get<std::string>().find(sha256_hex(pdf)) != std::string::npos);
  const auto meta = u.call("cust", "GET", u.documents() + "/" + doc).json();
  CHECK(meta["received"] == 0);
  CHECK(meta["state"] == "uploading");
  CHECK(u.call("cust", "GET", u.content(doc)).status == 409);
  CHECK(u.put_chunk(doc, pdf, 0, 100).status == 200);  // starting over is accepted
}

TEST_CASE("only those who may see the enrollment see its documents; only its editors add them") {
  Uploads u;
  const auto pdf = small_pdf();
  const auto doc = u.announced("extract.pdf", "application/pdf", pdf.size());
  const auto meta = u.documents() + "/" + doc;

  const auto early = u.call("cust", "GET", u.content(doc));  // nothing to download before the last byte
  CHECK(early.status == 409);
  CHECK(early.json()["code"] == "document.incomplete");
  u.upload(doc, pdf, 300);
  SUBCASE("another customer gets 404 everywhere, as if the enrollment did not exist") {
    for (const auto& target : {u.documents(), meta, u.content(doc)}) {
      CAPTURE(target);
      const auto r = u.call("other", "GET", target);
      CHECK(r.status == 404);
      CHECK(r.json()["code"] == "enrollment.not_found");
    }
    CHECK(
        u.announce("other", {{"type", "other"}, {"file_name", "x.pdf"}, {"media_type", "application/pdf"}, {"size", 9}})
            .status == 404);
    CHECK(u.put_chunk(doc, pdf, 0, 100, "other").status == 404);
  }
  SUBCASE("without a session: 401") {
    for (const auto& target : {u.documents(), meta, u.content(doc)})
      CHECK(u.call("nobody", "GET", target).status == 401);
    CHECK(u.put_chunk(doc, pdf, 0, 100, "nobody").status == 401);
  }
  SUBCASE("staff who see the enrollment read and download, but do not add documents") {
    u.add_staff("auditor", "auditor");
    CHECK(u.call("auditor", "GET", u.documents()).json()["items"].size() == 1);
    CHECK(u.call("auditor", "GET", u.content(doc)).body == pdf);
    const auto r = u.announce(
        "auditor", {{"type", "other"}, {"file_name", "x.pdf"}, {"media_type", "application/pdf"}, {"size", 9}});
    CHECK(r.status == 403);
    CHECK(r.json()["code"] == "role.not_permitted");
  }
  SUBCASE("once submitted, the customer cannot add documents any more") {
    const auto submitted =
        u.call("cust", "POST", "/v1/enrollments/" + u.enrollment + "/events", action("submitted", 1).dump());
    REQUIRE_MESSAGE(submitted.status == 200, submitted.body);
    const auto r =
        u.announce("cust", {{"type", "other"}, {"file_name", "x.pdf"}, {"media_type", "application/pdf"}, {"size", 9}});
    CHECK(r.status == 409);
    CHECK(r.json()["code"] == "stage.event_not_allowed");
    CHECK(u.call("cust", "GET", u.content(doc)).body == pdf);  // reading still works
  }
}

TEST_CASE("an announcement replayed with the same Idempotency-Key creates one document") {
  Uploads u;
  const Json body{{"type", "other"}, {"file_name", "x.pdf"}, {"media_type", "application/pdf"}, {"size", 9}};
  const HeaderList key{{"Idempotency-Key", "doc-1"}};
  const auto first = u.announce("cust", body, key);
  REQUIRE(first.status == 201);
  const auto again = u.announce("cust", body, key);
  CHECK(again.status == 201);
  CHECK(again.body == first.body);
  CHECK(again.header("Idempotent-Replayed") == "true");
  CHECK(u.call("cust", "GET", u.documents()).json()["items"].size() == 1);
}

TEST_CASE("bad document requests get a 4xx JSON error, none a 5xx") {
  Uploads u;
  const auto pdf = small_pdf();
  const auto doc = u.announced("extract.pdf", "application/pdf", pdf.size());
  const auto octets = HeaderList{{"Content-Type", "application/octet-stream"}};
  struct Case {
    const char* name;
    std::string method, target;
    HeaderList headers;
    std::string body;
    int status;
  };
  const auto with_range = [&](const std::string& value) {
    auto h = octets;
    h.emplace_back("Content-Range", value);
    return h;
  };
  const std::vector<Case> cases = {
      {"no Content-Range", "PUT", u.content(doc), octets, "%PDF-", 400},
      {"range backwards", "PUT", u.content(doc), with_range("bytes 4-0/" + std::to_string(pdf.size())), "%PDF-", 400},
      {"unknown total", "PUT", u.content(doc), with_range("bytes 0-4/*"), "%PDF-", 400},
      {"other unit", "PUT", u.content(doc), with_range("items 0-4/" + std::to_string(pdf.size())), "%PDF-", 400},
      {"huge numbers", "PUT", u.content(doc), with_range("bytes 0-99999999999999999999999/1"), "%PDF-", 400},
      {"range past the total", "PUT", u.content(doc), with_range("bytes 0-4/4"), "%PDF-", 400},
      {"total is not the size", "PUT", u.content(doc), with_range("bytes 0-4/5"), "%PDF-", 400},
      {"body shorter than the range", "PUT", u.content(doc), with_range("bytes 0-9/" + std::to_string(pdf.size())),
       "%PDF-", 400},
      {"empty chunk", "PUT", u.content(doc), with_range("bytes 0-0/" + std::to_string(pdf.size())), "", 400},
      {"chunk as JSON",
       "PUT",
       u.content(doc),
       {{"Content-Type", "application/json"}, {"Content-Range", range(0, 5, pdf.size())}},
       "%PDF-",
       415},
      {"announcement not JSON", "POST", u.documents(), {{"Content-Type", "text/plain"}}, "{}", 415},
      {"announcement malformed", "POST", u.documents(), {{"Content-Type", "application/json"}}, "{\"type\":", 400},
      {"announcement unknown field",
       "POST",
       u.documents(),
       {{"Content-Type", "application/json"}},
       R"({"type":"other","file_name":"a.pdf","media_type":"application/pdf","size":3,"owner":"me"})",
       400},
      {"announcement unknown type",
       "POST",
       u.documents(),
       {{"Content-Type", "application/json"}},
       R"({"type":"selfie","file_name":"a.pdf","media_type":"application/pdf","size":3})",
       400},
      {"announcement negative size",
       "POST",
       u.documents(),
       {{"Content-Type", "application/json"}},
       R"({"type":"other","file_name":"a.pdf","media_type":"application/pdf","size":-3})",
       400},
      {"bad Idempotency-Key",
       "POST",
       u.documents(),
       {{"Content-Type", "application/json"}, {"Idempotency-Key", "a b"}},
       R"({"type":"other","file_name":"a.pdf","media_type":"application/pdf","size":3})",
       400},
      {"unknown document", "GET", u.documents() + "/0123456789abcdef0123456789abcdef", {}, "", 404},
      {"junk document id", "GET", u.documents() + "/..%2f..", {}, "", 404},
      {"junk document content", "PUT", u.documents() + "/nope/content", with_range("bytes 0-4/9"), "%PDF-", 404},
      {"unknown sub-resource", "GET", u.documents() + "/" + doc + "/thumbnail", {}, "", 404},
      {"documents with a suffix", "GET", u.documents() + "x", {}, "", 404},
      {"DELETE a document", "DELETE", u.documents() + "/" + doc, {}, "", 405},
      {"POST content", "POST", u.content(doc), octets, "%PDF-", 405},
      {"PUT the list", "PUT", u.documents(), {}, "", 405},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto headers = c.headers;
    headers.emplace_back("Authorization", "Bearer " + u.tokens["cust"]);
    const auto r = must(fetch(u.server.port, HttpRequest{c.method, c.target, headers, c.body}));
    CHECK(r.status == c.status);
    const Json body = r.json();
    REQUIRE_MESSAGE(body.is_object(), r.body);
    CHECK_FALSE(body.value("code", "").empty());
    CHECK_FALSE(body.value("message", "").empty());
    CHECK(body.contains("path"));
  }
  CHECK(u.call("cust", "GET", u.documents() + "/" + doc).json()["received"] == 0);  // none of it was stored
  CHECK(u.get("/healthz").status == 200);
}

TEST_CASE("/openapi.json describes the document routes") {
  ServerFixture f;
  const auto j = f.get("/openapi.json").json();
  const std::string base = "/v1/enrollments/{id}/documents";
  for (const auto& [path, method] :
       std::vector<std::pair<std::string, std::string>>{{base, "post"},
                                                        {base, "get"},
                                                        {base + "/{document_id}", "get"},
                                                        {base + "/{document_id}/content", "put"},
                                                        {base + "/{document_id}/content", "get"}}) {
    CAPTURE(path);
    CHECK(j["paths"][path].contains(method));
  }
  CHECK(j["components"]["schemas"].contains("DocumentView"));
  CHECK(j["components"]["schemas"].contains("OffsetConflict"));
}
