// Who owns each enrollment and which write it is at, in memory, so a status read can ask without a
// hop to a reader thread (docs/perf/server.md: that hop was most of a cached read's cost).
//
// It is exact only because this process is the database's one writer (SQLite here; several servers
// use PostgreSQL, whose adapter does not use this index). Every committed write puts its stamp before
// the write is acknowledged; a stamp read from the database is put only if no newer one is known and
// no reset happened since the read began, so an entry is never older than a write already answered.
#pragma once

#include "server/storage/ports/enrollments.hpp"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace onb::server::storage {

class StampIndex {
 public:
  explicit StampIndex(std::size_t capacity) : capacity_(capacity) {}

  std::optional<EnrollmentStamp> find(const std::string& id) const;

  // A write the database committed: always wins over what is known.
  void put_committed(EnrollmentStamp stamp);

  // A stamp read from the database: take generation() before the read and pass it here.
  std::uint64_t generation() const;
  void put_read(EnrollmentStamp stamp, std::uint64_t generation_before_read);

 private:
  void put_locked(EnrollmentStamp stamp);

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;  // moves on every reset
  std::unordered_map<std::string, EnrollmentStamp> stamps_;
};

}  // namespace onb::server::storage
