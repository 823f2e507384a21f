// The OpenAPI 3.1 document of the /v1 API, served at /openapi.json. Component schemas are generated
// from the described protocol structs (onb::json_schema), so the document cannot drift from the wire.
#pragma once

#include "shared/core/json_codec.hpp"

namespace onb::server::http {

const Json& openapi_document();

}  // namespace onb::server::http
