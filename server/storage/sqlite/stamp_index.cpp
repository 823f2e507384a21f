#include "server/storage/sqlite/stamp_index.hpp"

namespace onb::server::storage {

std::optional<EnrollmentStamp> StampIndex::find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  const auto it = stamps_.find(id);
  if (it == stamps_.end()) return std::nullopt;
  return it->second;
}

void StampIndex::put_committed(EnrollmentStamp stamp) {
  std::lock_guard lock(mutex_);
  put_locked(std::move(stamp));
}

std::uint64_t StampIndex::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void StampIndex::put_read(EnrollmentStamp stamp, std::uint64_t generation_before_read) {
  std::lock_guard lock(mutex_);
  // A reset since the read began may have dropped a newer committed stamp: the read proves nothing.
  if (generation_ != generation_before_read) return;
  const auto it = stamps_.find(stamp.id);
  if (it != stamps_.end() && it->second.cursor >= stamp.cursor) return;
  put_locked(std::move(stamp));
}

void StampIndex::put_locked(EnrollmentStamp stamp) {
  // Full: start over (a simple bound; the next read of each enrollment asks the database once).
  if (stamps_.size() >= capacity_ && !stamps_.count(stamp.id)) {
    stamps_.clear();
    ++generation_;
  }
  auto& slot = stamps_[stamp.id];
  slot = std::move(stamp);
}

}  // namespace onb::server::storage
