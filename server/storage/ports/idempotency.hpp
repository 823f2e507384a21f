// The idempotency port: the first answer to a write, kept under (account, Idempotency-Key) so a
// replayed request gets the same bytes back and writes nothing. Writes that take a key store the answer
// in their own transaction (see the other ports); this port only looks one up before the work starts.
// The service-side rule (replay or refuse a reused key) is server/service/idempotency.hpp.
#pragma once

#include "server/storage/ports/completion.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace onb::server::storage {

struct IdempotencyRecord {
  std::string account_id;
  std::string key;
  std::string fingerprint;  // of method + target + body: reusing a key for another request is refused
  int status = 0;
  std::string body;
};

// How a write that may carry an idempotency record ended.
enum class WriteStatus { applied, conflict, replayed };

struct WriteOutcome {
  WriteStatus status = WriteStatus::applied;
  std::uint64_t current_version = 0;          // conflict: the stored version
  std::optional<IdempotencyRecord> replay;   // replayed: the first answer under the same key
};

class IdempotencyStore {
 public:
  virtual ~IdempotencyStore() = default;

  // The first answer stored under (account, key), if any.
  virtual void find_idempotent(std::string account_id, std::string key,
                               Completion<std::optional<IdempotencyRecord>> done) = 0;
};

}  // namespace onb::server::storage
