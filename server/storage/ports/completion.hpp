// What every storage port shares: operations are asynchronous and report through a completion, so an
// adapter can batch many writes into one commit on a thread of its own and no caller holds a thread
// while it waits. SQL, connections and threads do not belong in any port.
#pragma once

#include "shared/core/result.hpp"

#include <functional>

namespace onb::server::storage {

// Called exactly once per operation, on a thread of the adapter (only "storage.closed" may complete
// inside the call that started the operation). It must not block: hand work back to the caller's executor.
//
// Error codes every adapter uses: "storage.conflict" (the id exists), "storage.failure" (a database
// fault), "storage.corrupt" (a stored row no longer decodes), "storage.closed" (after shutdown began).
template <class T>
using Completion = std::function<void(Result<T>)>;

}  // namespace onb::server::storage
