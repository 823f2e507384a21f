// One thread that runs posted jobs in order: the storage adapter's home, so database calls never run on
// the I/O threads and a connection is only ever used by one thread. What the jobs do is the adapter's
// business; nothing database-specific belongs here.
#pragma once

#include "server/storage/batching_worker.hpp"

#include <deque>
#include <functional>

namespace onb::server::storage {

class SerialWorker {
 public:
  SerialWorker() : worker_({.max_batch = 1}, [](std::deque<std::function<void()>>& jobs) { jobs.front()(); }) {}

  // Queues `job`; false (and `job` is not run) once stop() has begun.
  bool post(std::function<void()> job) { return worker_.post(std::move(job)); }

  // Runs every job already queued, then joins the thread. Idempotent; must not be called from a job.
  void stop() { worker_.stop(); }

 private:
  BatchingWorker<std::function<void()>> worker_;
};

}  // namespace onb::server::storage
