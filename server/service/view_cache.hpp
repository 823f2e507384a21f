// Encoded answers of enrollment reads, by (enrollment, reader): a status read was mostly building
// and serialising a 6 KB JSON view (docs/perf/server.md), and portals poll the same enrollment again
// and again. An entry is valid for the row it was built from (its change cursor: every write moves
// it) and the day it was built on (validation depends on today's date: documents expire).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace onb::server::service {

class ViewCache {
 public:
  explicit ViewCache(std::size_t capacity) : capacity_(capacity) {}

  std::optional<std::string> find(const std::string& key, std::uint64_t cursor, std::int64_t day) const {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end() || it->second.cursor != cursor || it->second.day != day) return std::nullopt;
    return it->second.body;
  }

  // When full, one other entry is forgotten (about at random: whichever the table lists first).
  void put(const std::string& key, std::uint64_t cursor, std::int64_t day, std::string body) {
    std::string evicted;  // freed after the lock is released
    std::lock_guard lock(mutex_);
    const bool fresh = !entries_.count(key);
    if (fresh && entries_.size() >= capacity_) {
      auto victim = entries_.begin();
      evicted = std::move(victim->second.body);
      entries_.erase(victim);
    }
    entries_[key] = Entry{cursor, day, std::move(body)};
  }

 private:
  struct Entry {
    std::uint64_t cursor = 0;
    std::int64_t day = 0;
    std::string body;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace onb::server::service
