#include "server/http/responses.hpp"

#include "server/log.hpp"

namespace onb::server::http {

Response json_response(int status, const Json& body) {
  // Replacement instead of an exception: the codec only stores valid UTF-8, so this never triggers.
  return json_text_response(status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

Response json_text_response(int status, std::string text) {
  Response res;
  res.status = status;
  res.body = std::move(text);
  res.set("Content-Type", json_media_type);
  // API answers are per-user and change; caches (and the service worker) must never reuse them.
  res.set("Cache-Control", "no-store");
  return res;
}

Response error_response(int status, const Error& error) { return json_response(status, onb::encode(error)); }

Response error_response(int status, std::string code, std::string path, std::string message) {
  // The status is given; the category only matters to a caller that has not chosen one.
  return error_response(status, Error{std::move(code), std::move(path), std::move(message)});
}

Response internal_error(const Error& cause) {
  log_event("internal_error", {{"code", cause.code}, {"path", cause.path}, {"message", cause.message}});
  return error_response(500, "internal", "", "internal error; the server logged the details");
}

Response not_found() { return error_response(404, "http.not_found", "", "no such resource"); }

Response method_not_allowed(std::string allow) {
  auto res = error_response(405, "http.method_not_allowed", "", "method not allowed; use " + allow);
  res.set("Allow", std::move(allow));
  return res;
}

}  // namespace onb::server::http
