// Decoded enrollment records by id, each stamped with the change cursor of the row it came from.
// Decoding the stored application JSON was most of a status read's CPU (docs/perf/server.md): a row
// whose cursor matches the cached one is the same record, so it is copied instead of decoded. The
// cursor changes on every write, so the cache never serves stale data, whoever wrote the row.
#pragma once

#include "server/storage/ports/enrollments.hpp"

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace onb::server::storage {

class RecordCache {
 public:
  explicit RecordCache(std::size_t capacity) : capacity_(capacity) {}

  // The cached record of `id` when it was read from the row at `cursor`.
  std::shared_ptr<const EnrollmentRecord> find(const std::string& id, std::uint64_t cursor) const;
  // Remembers `record` (its `cursor` says which row it is). When full, one other record is
  // forgotten (about at random: no bookkeeping on the read path).
  void put(EnrollmentRecord record);

 private:
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const EnrollmentRecord>> records_;
};

}  // namespace onb::server::storage
