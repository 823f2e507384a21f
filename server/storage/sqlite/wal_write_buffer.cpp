#include "server/storage/sqlite/wal_write_buffer.hpp"

#include "server/storage/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace onb::server::storage {
namespace {

// A transaction larger than this (a document's chunks) reaches the file in pieces of about this size.
constexpr std::size_t max_gathered = 4 << 20;
// The default VFS writes at most 128 KiB - 1 per call (it masks the size: an exact 128 KiB would write
// nothing and read as a full disk), so the gathered bytes go in calls of at most this.
constexpr std::size_t max_write = 124 << 10;

sqlite3_vfs* base_vfs() { return sqlite3_vfs_find(nullptr); }

// Our part of a WAL file object; the default VFS's file object follows it in the same allocation
// (sqlite3_vfs::szOsFile covers both).
struct WalFile {
  sqlite3_file base;       // first: SQLite sees this
  sqlite3_file* real;      // the default VFS's object, right after this struct
  std::vector<char> gathered;
  sqlite3_int64 gathered_at = 0;  // the file offset of gathered[0]

  int flush() {
    int rc = SQLITE_OK;
    for (std::size_t done = 0; done < gathered.size() && rc == SQLITE_OK; done += max_write) {
      const std::size_t n = std::min(max_write, gathered.size() - done);
      rc = real->pMethods->xWrite(real, gathered.data() + done, static_cast<int>(n),
                                  gathered_at + static_cast<sqlite3_int64>(done));
    }
    gathered.clear();  // keeps its capacity for the next commit
    return rc;
  }
};

WalFile* wal(sqlite3_file* f) { return reinterpret_cast<WalFile*>(f); }

int wal_close(sqlite3_file* f) {
  WalFile* w = wal(f);
  const int flushed = w->flush();
  const int closed = w->real->pMethods ? w->real->pMethods->xClose(w->real) : SQLITE_OK;
  w->~WalFile();
  return flushed != SQLITE_OK ? flushed : closed;
}

int wal_read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
  WalFile* w = wal(f);
  if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
  return w->real->pMethods->xRead(w->real, out, amount, offset);
}

// Gathers writes that continue the gathered bytes; anything else (SQLite rewriting an earlier frame's
// checksum, a new WAL header at offset 0 after a checkpoint) writes what was gathered first.
int wal_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
  WalFile* w = wal(f);
  const bool continues = offset == w->gathered_at + static_cast<sqlite3_int64>(w->gathered.size());
  if (!w->gathered.empty() && (!continues || w->gathered.size() >= max_gathered))
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
  if (w->gathered.empty()) w->gathered_at = offset;
  const auto* bytes = static_cast<const char*>(data);
  try {
    w->gathered.insert(w->gathered.end(), bytes, bytes + amount);
  } catch (const std::bad_alloc&) {
    // No exception may cross SQLite's C frames. Write straight through instead: the frames stay in
    // order, since everything gathered before them was just written (or there was nothing).
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    return w->real->pMethods->xWrite(w->real, data, amount, offset);
  }
  return SQLITE_OK;
}

int wal_truncate(sqlite3_file* f, sqlite3_int64 size) {
  WalFile* w = wal(f);
  if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
  return w->real->pMethods->xTruncate(w->real, size);
}

// The commit point: the frames go to the file; DurableAcks makes them durable (see the header).
int wal_sync(sqlite3_file* f, int) { return wal(f)->flush(); }

int wal_file_size(sqlite3_file* f, sqlite3_int64* size) {
  WalFile* w = wal(f);
  if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
  return w->real->pMethods->xFileSize(w->real, size);
}

int wal_lock(sqlite3_file* f, int level) { return wal(f)->real->pMethods->xLock(wal(f)->real, level); }
int wal_unlock(sqlite3_file* f, int level) { return wal(f)->real->pMethods->xUnlock(wal(f)->real, level); }
int wal_check_reserved(sqlite3_file* f, int* out) {
  return wal(f)->real->pMethods->xCheckReservedLock(wal(f)->real, out);
}

int wal_file_control(sqlite3_file* f, int op, void* arg) {
  WalFile* w = wal(f);
  if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
  return w->real->pMethods->xFileControl(w->real, op, arg);
}

int wal_sector_size(sqlite3_file* f) { return wal(f)->real->pMethods->xSectorSize(wal(f)->real); }
int wal_device(sqlite3_file* f) { return wal(f)->real->pMethods->xDeviceCharacteristics(wal(f)->real); }

// Version 1: SQLite maps shared memory and pages through the database file's object, never the WAL's.
const sqlite3_io_methods wal_methods = {
    1,          wal_close,       wal_read,          wal_write,        wal_truncate,
    wal_sync,   wal_file_size,   wal_lock,          wal_unlock,       wal_check_reserved,
    wal_file_control, wal_sector_size, wal_device, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};

int vfs_open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  auto* real_vfs = static_cast<sqlite3_vfs*>(vfs->pAppData);
  // Anything but a WAL file is the default VFS's object itself, in place: no forwarding at all.
  if (!(flags & SQLITE_OPEN_WAL)) return real_vfs->xOpen(real_vfs, name, file, flags, out_flags);
  auto* w = new (file) WalFile{};
  w->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + sizeof(WalFile));
  w->real->pMethods = nullptr;
  const int rc = real_vfs->xOpen(real_vfs, name, w->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    // SQLite calls xClose only when pMethods is set; the real file closes itself when it failed.
    w->~WalFile();
    file->pMethods = nullptr;
    return rc;
  }
  w->base.pMethods = &wal_methods;
  return SQLITE_OK;
}

// The rest is the default VFS's, called with its own object.
sqlite3_vfs* real(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }
int vfs_delete(sqlite3_vfs* v, const char* n, int sync_dir) { return real(v)->xDelete(real(v), n, sync_dir); }
int vfs_access(sqlite3_vfs* v, const char* n, int f, int* out) { return real(v)->xAccess(real(v), n, f, out); }
int vfs_full_pathname(sqlite3_vfs* v, const char* n, int size, char* out) {
  return real(v)->xFullPathname(real(v), n, size, out);
}
void* vfs_dl_open(sqlite3_vfs* v, const char* n) { return real(v)->xDlOpen(real(v), n); }
void vfs_dl_error(sqlite3_vfs* v, int size, char* out) { real(v)->xDlError(real(v), size, out); }
void (*vfs_dl_sym(sqlite3_vfs* v, void* h, const char* s))(void) { return real(v)->xDlSym(real(v), h, s); }
void vfs_dl_close(sqlite3_vfs* v, void* h) { real(v)->xDlClose(real(v), h); }
int vfs_randomness(sqlite3_vfs* v, int size, char* out) { return real(v)->xRandomness(real(v), size, out); }
int vfs_sleep(sqlite3_vfs* v, int us) { return real(v)->xSleep(real(v), us); }
int vfs_current_time(sqlite3_vfs* v, double* out) { return real(v)->xCurrentTime(real(v), out); }
int vfs_last_error(sqlite3_vfs* v, int size, char* out) { return real(v)->xGetLastError(real(v), size, out); }
int vfs_current_time_int64(sqlite3_vfs* v, sqlite3_int64* out) {
  return real(v)->xCurrentTimeInt64(real(v), out);
}

}  // namespace

const char* wal_write_buffer_vfs() {
  static sqlite3_vfs vfs{};
  static std::once_flag registered;
  std::call_once(registered, [] {
    configure_sqlite();  // finding the default VFS initializes SQLite
    sqlite3_vfs* base = base_vfs();
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(sizeof(WalFile)) + base->szOsFile;
    vfs.mxPathname = base->mxPathname;
    vfs.zName = "onb-wal-write-buffer";
    vfs.pAppData = base;
    vfs.xOpen = vfs_open;
    vfs.xDelete = vfs_delete;
    vfs.xAccess = vfs_access;
    vfs.xFullPathname = vfs_full_pathname;
    vfs.xDlOpen = vfs_dl_open;
    vfs.xDlError = vfs_dl_error;
    vfs.xDlSym = vfs_dl_sym;
    vfs.xDlClose = vfs_dl_close;
    vfs.xRandomness = vfs_randomness;
    vfs.xSleep = vfs_sleep;
    vfs.xCurrentTime = vfs_current_time;
    vfs.xGetLastError = vfs_last_error;
    vfs.xCurrentTimeInt64 = vfs_current_time_int64;
    sqlite3_vfs_register(&vfs, 0);
  });
  return vfs.zName;
}

}  // namespace onb::server::storage
