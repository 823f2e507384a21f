// One thread that runs posted jobs in order: the storage adapter's home, so database calls never run on
// the I/O threads and a connection is only ever used by one thread. What the jobs do is the adapter's
// business; nothing database-specific belongs here.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace onb::server::storage {

class SerialWorker {
 public:
  SerialWorker();
  ~SerialWorker();  // stop()
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;

  // Queues `job`; false (and `job` is not run) once stop() has begun.
  bool post(std::function<void()> job);

  // Runs every job already queued, then joins the thread. Idempotent; must not be called from a job.
  void stop();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;  // last: started after the members it uses exist
};

}  // namespace onb::server::storage
