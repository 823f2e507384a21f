// Password hashing off the I/O threads: argon2id (libsodium crypto_pwhash_str, INTERACTIVE limits:
// ≈100 ms and 64 MiB per hash here) on a small bounded pool. A full queue refuses at once (the caller
// answers 503) instead of letting a login flood pile up memory and latency. Who may log in is not here.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace onb::server::auth {

// Two threads: each hash takes a core for ≈100 ms and 64 MiB; more would only starve the I/O threads.
inline constexpr std::size_t password_threads = 2;
// ≈16 queued hashes ≈ 0.8 s of work on two threads: beyond that a client waits longer than a retry costs.
inline constexpr std::size_t max_queued_hashes = 16;

class PasswordPool {
 public:
  PasswordPool();
  ~PasswordPool();
  PasswordPool(const PasswordPool&) = delete;
  PasswordPool& operator=(const PasswordPool&) = delete;

  // false = the queue is full, `done` will not run. `done` runs on a pool thread; nullopt when hashing
  // failed (out of memory).
  bool hash(std::string password, std::function<void(std::optional<std::string>)> done);
  // `done(true)` when `password` matches the stored crypto_pwhash_str `hash`.
  bool verify(std::string hash, std::string password, std::function<void(bool)> done);

  std::size_t queued() const;

 private:
  bool post(std::function<void()> job);
  void run();

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// Synchronous, for the command line (`user add`).
std::optional<std::string> hash_password_now(const std::string& password);

}  // namespace onb::server::auth
