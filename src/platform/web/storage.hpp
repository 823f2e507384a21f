// Browser-local storage for drafts: small text files in an IDBFS mount (MEMFS mirrored to IndexedDB,
// -lidbfs.js), so a draft survives reloads on this browser and this browser only.
// Reads are synchronous from the mirror; writes report once IndexedDB holds them.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace onb::portal::web {

using StorageDone = std::function<void(bool ok, std::string message)>;

// Mounts the store and loads it from IndexedDB; `done` once. Call once, before any read or write.
void storage_open(StorageDone done);

// The text stored under `key` ([a-z0-9_]+), or nullopt when there is none.
std::optional<std::string> storage_read(const std::string& key);

// Stores `text` under `key` and flushes to IndexedDB; `done` once the flush has finished or failed.
void storage_write(const std::string& key, const std::string& text, StorageDone done);

}  // namespace onb::portal::web
