// Every limit the HTTP layer enforces, named, with the reason for its value. Change a value here and
// the session, the router and the tests follow. Route-specific business limits do not belong here.
#pragma once

#include <chrono>
#include <cstddef>

namespace onb::server::http::limits {

// Real browsers send 1–4 KiB of headers (cookies included); 16 KiB leaves room for a session token and
// still refuses header-flooding clients before they cost memory. Too large -> 431 and the connection closes.
inline constexpr std::size_t max_header_bytes = 16 * 1024;

// The largest JSON body: a whole application with owners, contacts and financials is < 100 KiB.
// Documents will upload through their own route with its own limit. Too large -> 413.
inline constexpr std::size_t max_json_body_bytes = 1024 * 1024;

// Time from the first byte of a request to its last. Cuts "drip" clients that send a byte every few
// seconds to hold a connection forever; an honest client on a slow phone sends 1 MiB well within it.
inline constexpr std::chrono::seconds request_read_deadline{30};

// How long a keep-alive connection may sit with no request started. Browsers reuse connections for
// about this long; longer only keeps idle sockets (and their buffers) alive.
inline constexpr std::chrono::seconds idle_timeout{60};

// Time to write one response. A client that stops reading must not pin a session forever.
inline constexpr std::chrono::seconds write_deadline{30};

// After answering a request that broke the connection (413, 431, 400), the server keeps reading and
// discarding for this long, bounded by linger_discard_bytes, so the client sees the answer instead of a
// reset caused by unread data (the "lingering close" nginx does too).
inline constexpr std::chrono::seconds linger_time{2};
inline constexpr std::size_t linger_discard_bytes = 4 * 1024 * 1024;

// Open connections at most. Measured: 5,000 idle sockets cost nothing noticeable; each session holds a
// read buffer, so the cap bounds memory. Needs `ulimit -n` above it (the default here is 20,000).
inline constexpr std::size_t max_connections = 10'000;

// Two I/O threads: measured 1.1–1.4x nginx on tiny GETs on this 2-core machine kind; more threads only
// contend with the storage thread.
inline constexpr int io_threads = 2;

}  // namespace onb::server::http::limits
