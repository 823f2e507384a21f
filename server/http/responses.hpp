// Building JSON responses: a value encoded through the shared codec, or an onb::Error as
// {"code","path","message"} with its status. Which status fits which failure is decided by the caller;
// route logic does not belong here.
#pragma once

#include "server/http/message.hpp"
#include "shared/core/json_codec.hpp"
#include "shared/core/result.hpp"

#include <string>

namespace onb::server::http {

inline constexpr const char* json_media_type = "application/json";

Response json_response(int status, const Json& body);

// A JSON answer whose text is already written.
Response json_text_response(int status, std::string text);

template <class T>
Response json_response(int status, const T& value) {
  return json_text_response(status, onb::encode_text(value));
}

Response error_response(int status, const Error& error);
Response error_response(int status, std::string code, std::string path, std::string message);

// A logged 500 for a fault the client cannot fix; the details stay in the log, not in the response.
Response internal_error(const Error& cause);

Response not_found();
// 405 with the Allow header listing what the resource does accept, e.g. "GET, HEAD".
Response method_not_allowed(std::string allow);

}  // namespace onb::server::http
