#include "server/auth/password_pool.hpp"

#include <sodium.h>

#include <cstdlib>

namespace onb::server::auth {

std::optional<std::string> hash_password_now(const std::string& password) {
  if (sodium_init() < 0) std::abort();  // no entropy source: refusing to run beats weak salts
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return std::nullopt;
  return std::string(out);
}

PasswordPool::PasswordPool() {
  for (std::size_t i = 0; i < password_threads; ++i) threads_.emplace_back([this] { run(); });
}

PasswordPool::~PasswordPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

bool PasswordPool::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || jobs_.size() >= max_queued_hashes) return false;
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

std::size_t PasswordPool::queued() const {
  std::lock_guard lock(mutex_);
  return jobs_.size();
}

void PasswordPool::run() {
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

bool PasswordPool::hash(std::string password, std::function<void(std::optional<std::string>)> done) {
  return post([password = std::move(password), done = std::move(done)] { done(hash_password_now(password)); });
}

bool PasswordPool::verify(std::string hash, std::string password, std::function<void(bool)> done) {
  return post([hash = std::move(hash), password = std::move(password), done = std::move(done)] {
    done(crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0);
  });
}

}  // namespace onb::server::auth
