#include "server/storage/sqlite/record_cache.hpp"

namespace onb::server::storage {

std::shared_ptr<const EnrollmentRecord> RecordCache::find(const std::string& id, std::uint64_t cursor) const {
  std::lock_guard lock(mutex_);
  const auto it = records_.find(id);
  if (it == records_.end() || it->second->cursor != cursor) return nullptr;
  return it->second;
}

void RecordCache::put(EnrollmentRecord record) {
  auto shared = std::make_shared<const EnrollmentRecord>(std::move(record));
  std::shared_ptr<const EnrollmentRecord> evicted;  // freed after the lock is released
  std::lock_guard lock(mutex_);
  auto& slot = records_[shared->id];
  if (!slot && records_.size() > capacity_) {
    // Full: one other entry goes, whichever the table lists first (about random). Starting over
    // instead freed 10,000 records at once under the lock, on the writer's thread: a p99 stall.
    auto victim = records_.begin();
    if (victim->second == nullptr) ++victim;  // not the slot just made
    evicted = std::move(victim->second);
    records_.erase(victim);
  }
  slot = std::move(shared);
}

}  // namespace onb::server::storage
