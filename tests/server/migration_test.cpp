// Schema migrations on a database that already holds enrollments: a file in the last layout before the
// application got its own table (version 4: the application inline in `enrollments`, events keyed by
// (enrollment_id, sequence) WITHOUT ROWID) opens, migrates, and every enrollment, event and audit link
// reads back as it was; writes go on from there. The file is made by the real server, then taken back
// to version 4 by the inverse of migrations 5 and 6 (the other tests all start from an empty file).
#include "api_support.hpp"

#include <sqlite3.h>

#include <sys/wait.h>

using namespace onb::test;
using onb::Json;

namespace {

// The inverse of migrations 5 (application in its own table) and 6 (events as a rowid table).
constexpr const char* back_to_version_4 = R"sql(
  BEGIN;
  CREATE TABLE events_v4 (
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id),
    sequence      INTEGER NOT NULL,
    body          TEXT NOT NULL,
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL,
    PRIMARY KEY (enrollment_id, sequence)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO events_v4 SELECT enrollment_id, sequence, body, prev_hash, hash FROM events;
  DROP TABLE events;
  ALTER TABLE events_v4 RENAME TO events;
  ALTER TABLE enrollments ADD COLUMN application TEXT NOT NULL DEFAULT '';
  UPDATE enrollments SET application = (SELECT a.application FROM enrollment_applications a WHERE a.id = enrollments.id);
  DROP TABLE enrollment_applications;
  DELETE FROM schema_version;
  INSERT INTO schema_version VALUES (4);
  COMMIT;
)sql";

void downgrade(const std::filesystem::path& db_path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.string().c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, back_to_version_4, nullptr, nullptr, &message);
  INFO((message ? message : ""));
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

int verify_audit(const std::filesystem::path& db_path) {
  const std::string cmd = server_binary().string() + " verify-audit --data " + db_path.string() + " > /dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("a version 4 database with enrollments migrates and keeps every enrollment, event and audit link") {
  ApiFixture f;
  f.register_customer("cust");
  const auto db_path = f.dir.path() / "onboard.db";
  const std::string body = Json{{"application", complete_application()}}.dump();
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(f.call("cust", "POST", "/v1/enrollments", body).json()["id"]);
  for (int i = 0; i < 2; ++i)
    REQUIRE(f.call("cust", "POST", "/v1/enrollments/" + ids[i] + "/events", action("submitted", 1).dump()).status == 200);
  std::map<std::string, Json> before, timelines;
  for (const auto& id : ids) {
    before[id] = f.call("cust", "GET", "/v1/enrollments/" + id).json();
    timelines[id] = f.call("cust", "GET", "/v1/enrollments/" + id + "/timeline").json();
  }
  REQUIRE_FALSE(f.server.process.stop(SIGTERM).value_or(1));  // a clean stop: exit status 0
  downgrade(db_path);

  TempDir logs;
  RunningServer again(db_path, f.dir.path() / "site", logs.path());
  const HeaderList auth{{"Authorization", "Bearer " + f.tokens["cust"]}};
  for (const auto& id : ids) {
    CAPTURE(id);
    auto now = must(fetch(again.port, HttpRequest{"GET", "/v1/enrollments/" + id, auth, ""}));
    REQUIRE(now.status == 200);
    CHECK(now.json() == before[id]);
    auto timeline = must(fetch(again.port, HttpRequest{"GET", "/v1/enrollments/" + id + "/timeline", auth, ""}));
    CHECK(timeline.json() == timelines[id]);
  }
  // Writes go on in the new layout and extend the same chains.
  HeaderList post = auth;
  post.push_back({"Content-Type", "application/json"});
  auto submitted = must(fetch(again.port, HttpRequest{"POST", "/v1/enrollments/" + ids[2] + "/events", post,
                                                      action("submitted", 1).dump()}));
  CHECK(submitted.status == 200);
  CHECK(verify_audit(db_path) == 0);
}
