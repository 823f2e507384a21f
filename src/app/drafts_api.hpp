// The server's draft endpoints as the portal uses them: POST /v1/drafts with a CompanyBasics body
// answers 201 with DraftReply, or 400 with an onb::Error. Field names are the wire format.
// Belongs in shared/protocol once the server publishes its messages there (one definition for both).
#pragma once

#include "shared/core/result.hpp"
#include "shared/model/company_basics.hpp"
#include "shared/validation/problem.hpp"

#include <boost/describe.hpp>

#include <string>

namespace onb::portal {

inline constexpr const char* drafts_path = "/v1/drafts";

struct DraftReply {
  std::string id;
  model::CompanyBasics draft;     // as stored, byte for byte what was sent
  validation::Problems problems;  // the server's validation of the stored draft
};
BOOST_DESCRIBE_STRUCT(DraftReply, (), (id, draft, problems))

// The body of a 400: an onb::Error, field for field. A separate type only because decoding straight to
// Error needs Result<Error> = result<Error, Error>, which boost cannot construct unambiguously (and a
// type derived from or convertible to Error has the same problem). Drop it when shared/core can.
struct ErrorReply {
  std::string code;
  std::string path;
  std::string message;
};
BOOST_DESCRIBE_STRUCT(ErrorReply, (), (code, path, message))

inline Error to_error(ErrorReply r) { return Error{std::move(r.code), std::move(r.path), std::move(r.message)}; }

}  // namespace onb::portal
