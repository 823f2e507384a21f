// storage::open: which adapter a database URL names. The only place that knows every adapter.
#include "server/storage/sqlite/sqlite_store.hpp"
#include "server/storage/store.hpp"

#include <string_view>

namespace onb::server::storage {
namespace {

Result<std::unique_ptr<Store>> sqlite(const std::string& path) {
  auto store = SqliteStore::open(path);
  if (!store) return store.error();
  return std::unique_ptr<Store>(std::move(*store));
}

}  // namespace

Result<std::unique_ptr<Store>> open(const std::string& url) {
  const std::string_view u = url;
  const auto scheme_end = u.find("://");
  if (scheme_end == std::string_view::npos) return sqlite(url);  // a plain path
  const auto scheme = u.substr(0, scheme_end);
  const auto rest = std::string(u.substr(scheme_end + 3));
  if (scheme == "sqlite") {
    if (rest.empty()) return make_error(ErrorCategory::internal, "storage.bad_url", "", "sqlite:// needs a file path: " + url);
    return sqlite(rest);
  }
  if (scheme == "postgresql" || scheme == "postgres")
    return make_error(ErrorCategory::internal, "storage.unsupported", "",
                      "PostgreSQL is not supported by this build yet (only SQLite: a file path or sqlite://PATH)");
  return make_error(ErrorCategory::internal, "storage.bad_url", "",
                    "unknown database URL scheme '" + std::string(scheme) + "' (a file path, sqlite://PATH)");
}

}  // namespace onb::server::storage
