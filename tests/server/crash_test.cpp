// Durability: the server is killed with SIGKILL in the middle of a load of enrollment creations and
// submissions; after a restart on the same file every acknowledged write is there and the audit chain
// is intact. Bounded: ≈2 s of load, then a restart.
#include "api_support.hpp"

#include <atomic>
#include <mutex>
#include <set>
#include <sys/wait.h>
#include <thread>

using namespace onb::test;
using onb::Json;

namespace {

constexpr int writer_threads = 4;                  // keeps several writes in every group-commit batch
constexpr auto load_before_kill = std::chrono::milliseconds(1500);

}  // namespace

TEST_CASE("every acknowledged submission survives a SIGKILL") {
  ApiFixture f;
  f.register_customer("cust");
  const std::string token = f.tokens["cust"];
  const std::string body = Json{{"application", complete_application()}}.dump();
  std::mutex mutex;
  std::set<std::string> acknowledged;  // enrollment ids whose submission was answered 200
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int t = 0; t < writer_threads; ++t)
    writers.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        const HeaderList auth{{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
        auto created = fetch(f.server.port, HttpRequest{"POST", "/v1/enrollments", auth, body});
        if (!created || created->status != 201) return;
        const std::string id = created->json()["id"];
        auto submitted = fetch(f.server.port, HttpRequest{"POST", "/v1/enrollments/" + id + "/events", auth,
                                                          action("submitted", 1).dump()});
        if (!submitted || submitted->status != 200) return;
        std::lock_guard lock(mutex);
        acknowledged.insert(id);
      }
    });
  std::this_thread::sleep_for(load_before_kill);
  const auto stopped = f.server.process.stop(SIGKILL);
  stop = true;
  for (auto& w : writers) w.join();
  CHECK_FALSE(stopped.has_value());  // died by the signal, not by exiting
  REQUIRE(acknowledged.size() > 10);

  TempDir logs;
  RunningServer again(f.dir.path() / "onboard.db", f.dir.path() / "site", logs.path());
  std::size_t missing = 0;
  for (const auto& id : acknowledged) {
    auto r = must(fetch(again.port, HttpRequest{"GET", "/v1/enrollments/" + id, {{"Authorization", "Bearer " + token}}, ""}));
    if (r.status != 200 || r.json()["stage"] != "submitted") ++missing;
  }
  CHECK(missing == 0);
  MESSAGE("acknowledged submissions before the kill: " << acknowledged.size());
  const std::string cmd = server_binary().string() + " verify-audit --data " + (f.dir.path() / "onboard.db").string() +
                          " > /dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
