// The documents port: uploaded files of an enrollment, metadata rows plus their bytes in chunks,
// appended at the offset the stored document says comes next (so an interrupted upload resumes).
#pragma once

#include "server/storage/ports/completion.hpp"
#include "server/storage/ports/idempotency.hpp"
#include "shared/model/application.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onb::server::storage {

struct DocumentRecord {
  std::string id;  // random_id(), chosen by the service
  std::string enrollment_id;
  model::DocumentType type = model::DocumentType::other;
  std::string file_name;
  std::string media_type;
  std::uint64_t size = 0;      // declared; the upload is complete when received == size and sha256 is set
  std::uint64_t received = 0;  // bytes stored, always the sum of the chunks
  std::optional<std::string> declared_sha256;  // hex, what the client said it will send
  std::optional<std::string> sha256;           // hex, of the stored bytes; set only by complete_document
  std::string uploaded_by;
  std::string created_at;
};

// Bytes [first, first + bytes.size()) of a document.
struct ChunkWrite {
  std::string document_id;
  std::uint64_t first = 0;
  std::string bytes;
};

enum class ChunkStatus { appended, offset_mismatch };

struct ChunkOutcome {
  ChunkStatus status = ChunkStatus::appended;
  DocumentRecord document;  // after the append, or as stored when the offset did not match
};

// Receives a document's chunks in order, on an adapter thread; must not block or keep the view.
using ChunkSink = std::function<void(std::string_view bytes)>;

class DocumentStore {
 public:
  virtual ~DocumentStore() = default;

  // Durable when `done` reports applied; with an idempotency record it reports replayed (and writes
  // nothing) when the key was used before, as write_enrollment does.
  virtual void insert_document(DocumentRecord document, std::optional<IdempotencyRecord> idempotency,
                               Completion<WriteOutcome> done) = 0;
  // The document with that id when it belongs to that enrollment.
  virtual void find_document(std::string enrollment_id, std::string document_id,
                             Completion<std::optional<DocumentRecord>> done) = 0;
  // Oldest first.
  virtual void list_documents(std::string enrollment_id, Completion<std::vector<DocumentRecord>> done) = 0;
  // Appends only when chunk.first equals the stored `received` of an incomplete document and the chunk
  // ends within its size (checked inside the write, so two racing uploads cannot interleave); otherwise
  // offset_mismatch with the stored document and nothing is written. Fails with document.not_found.
  virtual void append_document_chunk(ChunkWrite chunk, Completion<ChunkOutcome> done) = 0;
  // Feeds the stored chunks to `sink` in order (one consistent snapshot), then completes.
  virtual void read_document_content(std::string document_id, ChunkSink sink, Completion<void> done) = 0;
  // Records the hash of a fully received document (a no-op when it already has one).
  virtual void complete_document(std::string document_id, std::string sha256, Completion<DocumentRecord> done) = 0;
  // Drops the bytes of a fully received but unaccepted document (received = 0), so the client re-sends.
  virtual void restart_document(std::string document_id, Completion<DocumentRecord> done) = 0;
};

}  // namespace onb::server::storage
