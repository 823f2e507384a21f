// The browser side of uploads: a blob store in IndexedDB ("onboard-files") that keeps a picked file's
// bytes across reloads, chunks sent with fetch() straight from a slice of the stored blob (the bytes never
// enter the wasm heap), and a timer for retries. Nothing here knows the protocol's meaning: the reducer
// (src/app/update_upload.cpp) decides what to send; every call ends in exactly one callback.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace onb::portal::web {

// Puts the file the chooser handed over (held in the page by its SHA-256) into the blob store under `key`.
// `done(false, why)` when the page no longer holds it or IndexedDB refused (quota, private mode).
void keep_file_bytes(const std::string& key, const std::string& sha256, std::function<void(bool ok, std::string)> done);

// Removes the stored bytes (and the page's copy); `done` once IndexedDB has deleted them.
void drop_file_bytes(const std::string& key, const std::string& sha256, std::function<void(bool ok)> done);

// PUT `url` with bytes [first, last] of the file (the page's copy, else the stored one) and
// Content-Range: bytes first-last/total. `done(status, body)`: status 0 without an HTTP answer,
// upload_bytes_missing (effects.hpp) when neither copy exists. A chunk that takes longer than
// chunk_timeout_ms is abandoned (status 0), so a stalled link pauses instead of hanging.
inline constexpr unsigned chunk_timeout_ms = 60'000;
void send_chunk(const std::string& url, const std::string& token, const std::string& key, const std::string& sha256,
                std::uint64_t first, std::uint64_t last, std::uint64_t total,
                std::function<void(int status, std::string body)> done);

// Calls `done` once after `ms` milliseconds, on the main thread.
void call_later(unsigned ms, std::function<void()> done);

}  // namespace onb::portal::web
