#include "server/storage/record_cache.hpp"

namespace onb::server::storage {

std::shared_ptr<const EnrollmentRecord> RecordCache::find(const std::string& id, std::uint64_t cursor) const {
  std::lock_guard lock(mutex_);
  const auto it = records_.find(id);
  if (it == records_.end() || it->second->cursor != cursor) return nullptr;
  return it->second;
}

void RecordCache::put(EnrollmentRecord record) {
  auto shared = std::make_shared<const EnrollmentRecord>(std::move(record));
  std::lock_guard lock(mutex_);
  if (records_.size() >= capacity_ && !records_.count(shared->id)) records_.clear();
  records_[shared->id] = std::move(shared);
}

}  // namespace onb::server::storage
