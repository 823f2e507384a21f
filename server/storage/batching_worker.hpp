// One thread that takes what was posted in batches and hands each batch to a handler: the shape of
// every background loop of the storage adapters (the group-commit writer, its durable acknowledgements,
// the checkpointer, each reader's serial worker), which differ only in what a batch is and how big it
// may get. The thread waits for the first item; with a gather delay it then lets more arrive (stop cuts
// the wait short); it takes up to max_batch of what is queued, in posting order, and runs the handler
// without the lock held, so posting never waits for a handler.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <thread>
#include <utility>

namespace onb::server::storage {

struct BatchingOptions {
  // No waiting for a batch to fill by default: whatever arrived while the previous handler ran forms the
  // next batch, so a lone item is never delayed and a busy worker batches by itself.
  std::size_t max_batch = std::numeric_limits<std::size_t>::max();
  std::chrono::milliseconds gather{0};
};

template <class Item>
class BatchingWorker {
 public:
  using Batch = std::deque<Item>;
  using Handler = std::function<void(Batch&)>;

  // Starts the thread. An owner declares its worker after every member the handler uses, so that the
  // worker is destroyed (stopped and joined) first.
  BatchingWorker(BatchingOptions options, Handler handle)
      : options_(options), handle_(std::move(handle)), thread_([this] { run(); }) {}
  ~BatchingWorker() { stop(); }
  BatchingWorker(const BatchingWorker&) = delete;
  BatchingWorker& operator=(const BatchingWorker&) = delete;

  // Queues `item`; false (and the item is dropped) once stop() has begun.
  bool post(Item item) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return false;
      queue_.push_back(std::move(item));
    }
    wake_.notify_one();
    return true;
  }

  // Hands everything already queued to the handler, then joins the thread. Idempotent; not from a handler.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
  }

  std::size_t queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
  }

 private:
  void run() {
    while (true) {
      Batch batch;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, and everything queued before stop() was handled
        if (options_.gather.count() > 0 && !stopping_)
          wake_.wait_for(lock, options_.gather, [this] { return stopping_; });
        if (queue_.size() <= options_.max_batch) {
          batch.swap(queue_);
        } else {
          for (std::size_t i = 0; i < options_.max_batch; ++i) {
            batch.push_back(std::move(queue_.front()));
            queue_.pop_front();
          }
        }
      }
      handle_(batch);
    }
  }

  const BatchingOptions options_;
  const Handler handle_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  Batch queue_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once the members it uses exist
};

}  // namespace onb::server::storage
