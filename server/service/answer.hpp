// What a use case answers: a status and a JSON body, built before a write commits so an idempotent
// replay can return exactly the same bytes. Failures are {code, path, message} (plus current_version on
// a conflict, problems on a 422) with the status their category stands for (status_of). Routing is not here.
#pragma once

#include "server/storage/store.hpp"
#include "shared/core/json_codec.hpp"
#include "shared/core/result.hpp"
#include "shared/validation/problem.hpp"

#include <functional>
#include <optional>
#include <string>

namespace onb::server::service {

// An Idempotency-Key and the fingerprint of the request it came with.
struct IdempotencyKey {
  std::string key;
  std::string fingerprint;
};

struct Answer {
  int status = 200;
  std::string body;                // JSON text
  std::optional<std::string> etag;  // quoted version for enrollment reads and writes
  bool replayed = false;           // an Idempotency-Key replay of a stored answer
};

using Done = std::function<void(Answer)>;

// The HTTP status an error's category stands for (the one table of them, in answer.cpp).
int status_of(ErrorCategory category);

Answer failure(const Error& error);
Answer failure(ErrorCategory category, std::string code, std::string path, std::string message);
Answer conflict(std::uint64_t current_version);
Answer validation_failure(const validation::Problems& problems);

template <class T>
Answer success(int status, const T& value) {
  return Answer{status, onb::encode_text(value), std::nullopt, false};
}

}  // namespace onb::server::service
