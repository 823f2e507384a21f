// [SECTION] index: header helpers (Content-Range, Content-Disposition, request checks), the handlers.
#include "server/http/document_routes.hpp"

#include "server/http/api_routes.hpp"
#include "server/http/limits.hpp"
#include "server/http/responses.hpp"

#include <charconv>

namespace onb::server::http {

// A chunk the session has already read in full must fit one body; otherwise uploads would fail with a
// 413 before the service could say how large a chunk may be.
static_assert(service::max_chunk_bytes <= limits::max_json_body_bytes);

namespace {

using service::Answer;

using protocol::RouteId;

constexpr std::string_view octet_stream = "application/octet-stream";


std::string_view media_type_of(const Request& req) {
  auto type = req.header("Content-Type").value_or("");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  return type;
}

// The Idempotency-Key header as ApiRoutes reads it for enrollment writes (same rules, same fingerprint).
Result<std::optional<service::IdempotencyKey>> idempotency_of(const Request& req) {
  auto key = idempotency_key(req);
  if (!key) return key.error();
  if (!*key) return std::optional<service::IdempotencyKey>{};
  return std::optional<service::IdempotencyKey>(service::IdempotencyKey{std::move(**key), request_fingerprint(req)});
}

bool is_attr_char(unsigned char ch) {  // RFC 8187 attr-char: sent as is in filename*
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(ch)) != std::string_view::npos;
}

}  // namespace

Result<service::Chunk> parse_content_range(std::string_view value) {
  const auto bad = [] {
    return make_error(ErrorCategory::malformed, "request.content_range", "Content-Range",
        "Content-Range must be 'bytes FIRST-LAST/SIZE' with FIRST <= LAST < SIZE, e.g. bytes 0-1048575/3000000");
  };
  constexpr std::string_view unit = "bytes ";
  if (value.size() <= unit.size() || !iequals(value.substr(0, unit.size()), unit)) return bad();
  value.remove_prefix(unit.size());
  const auto dash = value.find('-');
  const auto slash = value.find('/');
  if (dash == std::string_view::npos || slash == std::string_view::npos || slash < dash) return bad();
  const auto first = parse_number(value.substr(0, dash));
  const auto last = parse_number(value.substr(dash + 1, slash - dash - 1));
  const auto total = parse_number(value.substr(slash + 1));
  if (!first || !last || !total || *first > *last || *last >= *total) return bad();
  return service::Chunk{*first, *last, *total, {}};
}

std::string content_disposition(std::string_view file_name) {
  std::string plain, encoded;
  constexpr char hex_digits[] = "0123456789ABCDEF";
  for (unsigned char ch : file_name) {
    const bool quotable = ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\';
    plain += quotable ? static_cast<char>(ch) : '_';
    if (is_attr_char(ch)) {
      encoded += static_cast<char>(ch);
    } else {
      encoded += '%';
      encoded += hex_digits[ch >> 4];
      encoded += hex_digits[ch & 0xf];
    }
  }
  return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
}

void DocumentRoutes::add_to(HandlerTable& table) {
  table.set(RouteId::list_documents,
            [this](const Call& c) { documents_.list(*c.who, c.param(0), answer_with(c.reply)); });
  table.set(RouteId::create_document, [this](const Call& c) { create(c); });
  table.set(RouteId::get_document,
            [this](const Call& c) { documents_.get(*c.who, c.param(0), c.param(1), answer_with(c.reply)); });
  table.set(RouteId::get_document_content, [this](const Call& c) { get_content(c); });
  table.set(RouteId::put_document_content, [this](const Call& c) { put_content(c); });
}

void DocumentRoutes::create(const Call& c) {
  const auto& req = c.req;
  const auto& reply = c.reply;
  if (!is_json_content_type(req))
    return reply(
        error_response(415, "http.unsupported_media_type", "", "send the body as Content-Type: application/json"));
  auto key = idempotency_of(req);
  if (!key) return reply(error_response(400, key.error()));
  auto body = onb::decode_text<protocol::CreateDocument>(req.body);
  if (!body) return reply(error_response(400, body.error()));
  service::WriteContext ctx;
  ctx.who = *c.who;
  ctx.idempotency = *key;
  documents_.create(std::move(ctx), c.param(0), std::move(*body), answer_with(reply));
}

void DocumentRoutes::put_content(const Call& c) {
  const auto& req = c.req;
  const auto& reply = c.reply;
  // A browser's fetch() of a Blob slice sends no type unless told; anything else is a client mix-up.
  const auto type = media_type_of(req);
  if (!type.empty() && !iequals(type, octet_stream))
    return reply(error_response(415, "http.unsupported_media_type", "",
                                "send the chunk's bytes as Content-Type: application/octet-stream"));
  const auto range = req.header("Content-Range");
  if (!range)
    return reply(error_response(400, "request.content_range", "Content-Range",
                                "say which bytes this chunk holds: Content-Range: bytes FIRST-LAST/SIZE"));
  auto chunk = parse_content_range(*range);
  if (!chunk) return reply(error_response(400, chunk.error()));
  if (req.body.size() > service::max_chunk_bytes)
    return reply(error_response(413, "document.chunk_too_large", "",
                                "a chunk holds at most " + std::to_string(service::max_chunk_bytes) + " bytes"));
  if (chunk->last - chunk->first + 1 != req.body.size())
    return reply(error_response(400, "request.content_range", "Content-Range",
                                "the range names " + std::to_string(chunk->last - chunk->first + 1) +
                                    " bytes but the body holds " + std::to_string(req.body.size())));
  chunk->bytes = req.body;
  documents_.put_chunk(*c.who, c.param(0), c.param(1), std::move(*chunk), answer_with(reply));
}

void DocumentRoutes::get_content(const Call& c) {
  documents_.download(*c.who, c.param(0), c.param(1), [reply = c.reply](service::Download d) {
    try {
      if (!d.meta) return reply(to_response(d.error));
      Response res;
      res.body = std::move(d.bytes);
      res.set("Content-Type", d.meta->media_type);
      res.set("Content-Disposition", content_disposition(d.meta->file_name));
      // The browser must treat the bytes as the checked type, never sniff them into HTML or script.
      res.set("X-Content-Type-Options", "nosniff");
      res.set("Cache-Control", "no-store");
      if (d.meta->sha256) res.set("ETag", "\"" + *d.meta->sha256 + "\"");
      reply(std::move(res));
    } catch (const std::exception& e) {
      reply(internal_error(make_error(ErrorCategory::internal, "internal.exception", "", e.what())));
    }
  });
}

}  // namespace onb::server::http
