// The document upload and download messages (/v1/enrollments/{id}/documents): metadata as described
// structs. The bytes themselves never travel inside JSON: they are PUT as raw chunks with a
// Content-Range and downloaded as the file. Pure data: the sizes are in limits.hpp, the accepted media
// types, their magic bytes and the checks of an announcement in validation/documents.hpp. Renaming a
// member is a protocol change.
#pragma once

#include "shared/model/documents.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onb::protocol {

// uploading: bytes [0, received) are stored; the next chunk starts at `received`.
// complete: every byte arrived, matched the declared SHA-256 (if one was given) and is downloadable.
BOOST_DEFINE_ENUM_CLASS(UploadState, uploading, complete)

// POST /v1/enrollments/{id}/documents: announce a file, then PUT its bytes to .../{doc}/content.
struct CreateDocument {
  model::DocumentType type = model::DocumentType::other;
  std::string file_name;              // no folders, no control characters
  std::string media_type;             // one of validation::media_types: PDF, PNG, JPEG or TIFF
  std::uint64_t size = 0;             // bytes of the whole file, at most max_document_bytes (limits.hpp)
  std::optional<std::string> sha256;  // 64 lower-case hex digits the client computed; checked at the end
};
BOOST_DESCRIBE_STRUCT(CreateDocument, (), (type, file_name, media_type, size, sha256))

struct DocumentView {
  std::string id;
  std::string enrollment_id;
  model::DocumentType type = model::DocumentType::other;
  std::string file_name;
  std::string media_type;
  std::uint64_t size = 0;
  std::uint64_t received = 0;         // bytes stored so far: where an interrupted upload resumes
  std::optional<std::string> sha256;  // of the stored bytes, once complete
  UploadState state = UploadState::uploading;
  std::string uploaded_by;  // account id
  std::string created_at;   // canonical UTC instant
};
BOOST_DESCRIBE_STRUCT(DocumentView, (),
                      (id, enrollment_id, type, file_name, media_type, size, received, sha256, state, uploaded_by,
                       created_at))

struct DocumentList {  // GET /v1/enrollments/{id}/documents, oldest first
  std::vector<DocumentView> items;
};
BOOST_DESCRIBE_STRUCT(DocumentList, (), (items))

// 409 "document.offset": the chunk did not start where the stored bytes end; resume from `received`.
struct OffsetConflict {
  std::string code;
  std::string path;
  std::string message;
  std::uint64_t received = 0;
};
BOOST_DESCRIBE_STRUCT(OffsetConflict, (), (code, path, message, received))

}  // namespace onb::protocol
