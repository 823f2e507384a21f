#include "server/http/gzip.hpp"

#include <zlib.h>

namespace onb::server::http {
namespace {

// Level 6 is zlib's default: within a few percent of level 9 on JS/wasm at a third of the time.
// The result is cached, so this cost is paid once per file version.
constexpr int gzip_level = 6;
constexpr int gzip_window_bits = 15 + 16;  // +16 asks zlib for the gzip wrapper instead of zlib's
constexpr int gzip_mem_level = 8;

}  // namespace

std::optional<std::string> gzip_compress(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, gzip_level, Z_DEFLATED, gzip_window_bits, gzip_mem_level, Z_DEFAULT_STRATEGY) != Z_OK)
    return std::nullopt;
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  // deflateBound guarantees one Z_FINISH call completes.
  const int rc = deflate(&zs, Z_FINISH);
  const auto written = zs.total_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  out.resize(written);
  return out;
}

}  // namespace onb::server::http
