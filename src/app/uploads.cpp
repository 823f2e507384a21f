// The pure queries over upload records (uploads.hpp); the reducer and the views share them.
#include "src/app/uploads.hpp"

#include <algorithm>

namespace onb::portal {

std::optional<ChunkPlan> next_chunk(const Upload& u) {
  if (u.received >= u.size) return std::nullopt;
  const std::uint64_t end = std::min(u.size, u.received + upload_chunk_bytes);
  return ChunkPlan{u.received, end - 1};
}

double upload_progress(const Upload& u) {
  if (u.phase == UploadPhase::complete) return 1.0;
  if (u.size == 0) return 0.0;
  return static_cast<double>(std::min(u.received, u.size)) / static_cast<double>(u.size);
}

bool upload_in_flight(const Upload& u) {
  return u.phase == UploadPhase::announcing || u.phase == UploadPhase::checking || u.phase == UploadPhase::sending;
}

bool upload_pending(const Upload& u) { return u.phase != UploadPhase::complete && u.phase != UploadPhase::failed; }

const Upload* find_upload(const std::vector<Upload>& uploads, const std::string& sha256) {
  const auto it = std::find_if(uploads.begin(), uploads.end(), [&](const Upload& u) { return u.sha256 == sha256; });
  return it == uploads.end() ? nullptr : &*it;
}

bool uploads_pending(const std::vector<Upload>& uploads, const model::Application& app) {
  return std::any_of(app.documents.begin(), app.documents.end(), [&](const model::Document& d) {
    const Upload* u = find_upload(uploads, d.sha256);
    return u && upload_pending(*u);
  });
}

unsigned upload_retry_delay_ms(unsigned retries) {
  unsigned delay = upload_retry_first_ms;
  for (unsigned i = 1; i < retries && delay < upload_retry_max_ms; ++i) delay *= 2;
  return std::min(delay, upload_retry_max_ms);
}

}  // namespace onb::portal
