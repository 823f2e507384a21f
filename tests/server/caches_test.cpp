// The server's caches, in-process: an entry answers only for the very row (change cursor) and day it
// was made from, so a cache can make reads cheaper but never staler. The HTTP tests read after every
// write and would catch a stale answer end to end; these pin the rules.
#include "server/service/view_cache.hpp"
#include "server/storage/sqlite/record_cache.hpp"
#include "server/storage/sqlite/stamp_index.hpp"

#include "support.hpp"

using namespace onb::server;

TEST_CASE("a cached view answers for the same row and day only") {
  service::ViewCache views(2);
  views.put("e1/alice", 7, 20'000, "{\"version\":3}");
  CHECK(views.find("e1/alice", 7, 20'000) == "{\"version\":3}");
  CHECK_FALSE(views.find("e1/alice", 8, 20'000));  // the row was written since
  CHECK_FALSE(views.find("e1/alice", 7, 20'001));  // a new day: documents may have expired
  CHECK_FALSE(views.find("e1/bob", 7, 20'000));    // another reader sees other actions
  views.put("e1/alice", 8, 20'000, "{\"version\":4}");
  CHECK(views.find("e1/alice", 8, 20'000) == "{\"version\":4}");
  SUBCASE("when full it forgets one other entry instead of growing") {
    views.put("e2/alice", 1, 20'000, "a");
    views.put("e3/alice", 1, 20'000, "b");
    CHECK(views.find("e3/alice", 1, 20'000) == "b");
    const int kept = int(views.find("e1/alice", 8, 20'000).has_value()) + int(views.find("e2/alice", 1, 20'000).has_value());
    CHECK(kept == 1);
  }
}

TEST_CASE("a cached record answers for the row it was read or written at only") {
  storage::RecordCache records(2);
  storage::EnrollmentRecord r;
  r.id = "e1";
  r.customer_id = "alice";
  r.cursor = 41;
  records.put(r);
  REQUIRE(records.find("e1", 41));
  CHECK(records.find("e1", 41)->customer_id == "alice");
  CHECK_FALSE(records.find("e1", 42));  // written since (here or by another server)
  CHECK_FALSE(records.find("e2", 41));
  r.cursor = 42;
  r.customer_id = "bob";
  records.put(r);
  CHECK_FALSE(records.find("e1", 41));
  CHECK(records.find("e1", 42)->customer_id == "bob");
  SUBCASE("when full it forgets one other record instead of growing") {
    r.id = "e2";
    records.put(r);
    r.id = "e3";
    records.put(r);
    CHECK(records.find("e3", 42));
    CHECK(int(records.find("e1", 42) != nullptr) + int(records.find("e2", 42) != nullptr) == 1);
  }
}

TEST_CASE("the stamp index is never older than a write already committed") {
  storage::StampIndex stamps(2);
  const auto stamp = [](const char* id, const char* owner, std::uint64_t cursor) {
    return storage::EnrollmentStamp{id, owner, "rep", cursor, cursor};
  };
  CHECK_FALSE(stamps.find("e1"));
  SUBCASE("a committed write replaces what a read found") {
    stamps.put_read(stamp("e1", "", 5), stamps.generation());
    stamps.put_committed(stamp("e1", "alice", 6));  // a claim: the owner changes
    CHECK(stamps.find("e1")->customer_id == "alice");
    CHECK(stamps.find("e1")->cursor == 6);
  }
  SUBCASE("a read that raced a commit cannot put the older row back") {
    const auto before = stamps.generation();
    stamps.put_committed(stamp("e1", "alice", 6));
    stamps.put_read(stamp("e1", "", 5), before);  // read before the commit, put after it
    CHECK(stamps.find("e1")->cursor == 6);
  }
  SUBCASE("a read that began before a reset proves nothing") {
    const auto before = stamps.generation();
    stamps.put_committed(stamp("e1", "alice", 6));
    stamps.put_committed(stamp("e2", "bob", 7));
    stamps.put_committed(stamp("e3", "carol", 8));  // full: starts over, e1's commit is forgotten
    CHECK_FALSE(stamps.find("e1"));
    stamps.put_read(stamp("e1", "", 5), before);
    CHECK_FALSE(stamps.find("e1"));  // asked of the database again next time
    stamps.put_read(stamp("e1", "alice", 6), stamps.generation());
    CHECK(stamps.find("e1")->cursor == 6);
  }
}
