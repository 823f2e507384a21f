// The tests' only Beast translation unit. Each step runs one asynchronous operation on a private
// io_context with a tcp_stream deadline, which is how Beast bounds time (its synchronous calls cannot).
#include "http_client.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cctype>

namespace onb::test {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// The tests read responses of a few MiB at most (static files); anything larger is a server bug.
constexpr std::uint64_t max_response_body = 64ull * 1024 * 1024;

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

Error net_error(std::string_view step, const beast::error_code& ec) {
  return make_error(ErrorCategory::unavailable, "http_client." + std::string(step), "", ec.message());
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequal(k, name)) return v;
  return std::nullopt;
}

Json HttpResponse::json() const { return Json::parse(body, nullptr, /*allow_exceptions=*/false); }

struct HttpConnection::Impl {
  explicit Impl(std::uint16_t p) : port(p), stream(ioc) {}

  // Runs the operation started by `start` to completion or to the stream's deadline.
  template <class Start>
  beast::error_code run(Start start) {
    beast::error_code result = net::error::would_block;
    stream.expires_after(http_timeout);
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    ioc.restart();
    ioc.run();
    return result;
  }

  Result<HttpResponse> read_response(bool head) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(max_response_body);
    parser.skip(head);
    const auto ec = run([&](auto handler) { bhttp::async_read(stream, buffer, parser, handler); });
    if (ec) return net_error("read", ec);
    auto& msg = parser.get();
    HttpResponse out;
    out.status = static_cast<int>(msg.result_int());
    for (const auto& f : msg) out.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
    out.body = std::move(msg.body());
    return out;
  }

  std::uint16_t port;
  net::io_context ioc;
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
};

HttpConnection::HttpConnection(std::uint16_t port) : impl_(std::make_unique<Impl>(port)) {}

HttpConnection::~HttpConnection() = default;

Result<void> HttpConnection::connect() {
  const tcp::endpoint endpoint(net::ip::make_address_v4("127.0.0.1"), impl_->port);
  const auto ec = impl_->run([&](auto handler) { impl_->stream.async_connect(endpoint, handler); });
  if (ec) return net_error("connect", ec);
  return {};
}

Result<HttpResponse> HttpConnection::send(const HttpRequest& req) {
  bhttp::request<bhttp::string_body> msg;
  msg.method_string(req.method);
  msg.target(req.target);
  msg.version(11);
  msg.set(bhttp::field::host, "127.0.0.1:" + std::to_string(impl_->port));
  for (const auto& [k, v] : req.headers) msg.insert(k, v);
  msg.body() = req.body;
  if (!req.body.empty() || req.method == "POST" || req.method == "PUT") msg.prepare_payload();
  const auto ec = impl_->run([&](auto handler) { bhttp::async_write(impl_->stream, msg, handler); });
  if (ec) return net_error("write", ec);
  return impl_->read_response(req.method == "HEAD");
}

Result<HttpResponse> HttpConnection::send_raw(const std::string& bytes, bool head) {
  const auto ec = impl_->run([&](auto handler) { net::async_write(impl_->stream, net::buffer(bytes), handler); });
  if (ec) return net_error("write", ec);
  return impl_->read_response(head);
}

bool HttpConnection::closed_by_peer(std::chrono::milliseconds timeout) {
  char byte;
  beast::error_code result = net::error::would_block;
  impl_->stream.expires_after(timeout);
  impl_->stream.async_read_some(net::buffer(&byte, 1), [&](beast::error_code ec, std::size_t) { result = ec; });
  impl_->ioc.restart();
  impl_->ioc.run();
  return result == net::error::eof || result == net::error::connection_reset;
}

Result<HttpResponse> fetch(std::uint16_t port, const HttpRequest& req) {
  HttpConnection c(port);
  if (auto r = c.connect(); !r) return r.error();
  return c.send(req);
}

}  // namespace onb::test
