#include "server/http/wire.hpp"

#include "server/log.hpp"

#include <boost/beast/http/status.hpp>

namespace onb::server::http::wire {
namespace {

namespace bhttp = boost::beast::http;

void append_number(std::string& out, std::size_t n) {
  char digits[24];
  auto* end = digits + sizeof digits;
  auto* p = end;
  do *--p = static_cast<char>('0' + n % 10);
  while ((n /= 10) != 0);
  out.append(p, end);
}

void append_value(std::string& out, const std::string& value) {
  if (value.find_first_of("\r\n") == std::string::npos) return void(out += value);
  for (const char c : value) out += (c == '\r' || c == '\n') ? ' ' : c;
}

}  // namespace

Request to_request(bhttp::request<bhttp::string_body>&& in) {
  Request out;
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  out.headers.reserve(8);
  for (const auto& field : in) out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  out.body = std::move(in.body());
  return out;
}

bool bodiless(int status) { return status == 304 || status == 204 || status < 200; }

void append_head(std::string& out, const Response& res, unsigned version, bool keep_alive) {
  static const std::string server_line = "Server: onboard\r\n";  // no version: it only helps an attacker pick exploits
  out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  append_number(out, static_cast<std::size_t>(res.status));
  out += ' ';
  const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(res.status));
  out.append(reason.data(), reason.size());
  out += "\r\n";
  out += server_line;
  for (const auto& [name, value] : res.headers) {
    out += name;
    out += ": ";
    append_value(out, value);
    out += "\r\n";
  }
  if (!bodiless(res.status)) {
    out += "Content-Length: ";
    append_number(out, res.body.size());
    out += "\r\n";
  }
  if (version >= 11 && !keep_alive) out += "Connection: close\r\n";
  if (version < 11 && keep_alive) out += "Connection: keep-alive\r\n";
  out += "\r\n";
}

}  // namespace onb::server::http::wire
