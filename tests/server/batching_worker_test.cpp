// The storage adapters' one background-loop template (server/storage/batching_worker.hpp): items reach
// the handler in posting order, in batches of at most max_batch of what was queued (never waiting for a
// batch to fill unless a gather delay is asked for), stop hands over everything queued first, and
// nothing is taken after stop began. The group commit's batching rests on exactly this.
#include "server/storage/batching_worker.hpp"

#include "support.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

using onb::server::storage::BatchingOptions;
using onb::server::storage::BatchingWorker;
using namespace std::chrono_literals;

namespace {

// Records every batch; the first batch waits until `release` is set, so posts pile up behind it.
struct Recorder {
  std::mutex mutex;
  std::vector<std::vector<int>> batches;
  std::promise<void> first_started;
  std::shared_future<void> release;
  bool first = true;

  void handle(std::deque<int>& batch) {
    {
      std::lock_guard lock(mutex);
      batches.emplace_back(batch.begin(), batch.end());
    }
    if (first) {
      first = false;
      first_started.set_value();
      release.wait();
    }
  }
};

}  // namespace

TEST_CASE("a batching worker hands over what queued meanwhile, in order, at most max_batch at a time") {
  std::promise<void> go;
  Recorder r;
  r.release = go.get_future().share();
  {
    BatchingWorker<int> worker({.max_batch = 3}, [&r](std::deque<int>& b) { r.handle(b); });
    REQUIRE(worker.post(0));
    r.first_started.get_future().wait();  // the lone first item went at once, without waiting for company
    for (int i = 1; i <= 7; ++i) REQUIRE(worker.post(i));
    CHECK(worker.queued() == 7);
    go.set_value();
    worker.stop();  // everything queued is handed over before the thread ends
    CHECK_FALSE(worker.post(99));
    CHECK(worker.queued() == 0);
  }
  CHECK(r.batches == std::vector<std::vector<int>>{{0}, {1, 2, 3}, {4, 5, 6}, {7}});
}

TEST_CASE("a gather delay lets items arrive before the batch is taken, and stop cuts it short") {
  std::mutex mutex;
  std::vector<std::size_t> sizes;
  BatchingWorker<int> worker({.gather = 2s}, [&](std::deque<int>& b) {
    std::lock_guard lock(mutex);
    sizes.push_back(b.size());
  });
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) REQUIRE(worker.post(i));
  std::this_thread::sleep_for(20ms);
  REQUIRE(worker.post(5));  // within the gather delay: the same batch
  worker.stop();            // long before the 2 s are over
  CHECK(std::chrono::steady_clock::now() - start < 1s);
  CHECK(sizes == std::vector<std::size_t>{6});
}
