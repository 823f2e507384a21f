// The only translation unit that includes Beast's stream and async machinery (≈27 s, ≈1 GB to
// compile): keep it that way. Modelled on Beast's advanced server: a listener accepts, a session per
// connection reads a request, hands a plain Request to the Router and writes the plain Response back.
//
// [SECTION] conversions   Beast message <-> Request/Response
// [SECTION] session       one connection: idle wait, header, body, metrics, write, lingering close
// [SECTION] listener      accept loop with the connection cap
// [SECTION] server        io_context, threads, signals
#include "server/http/http_server.hpp"

#include "server/http/limits.hpp"
#include "server/http/responses.hpp"
#include "server/log.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

namespace onb::server::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// How much to read while waiting for the first bytes of a request; a typical request fits.
constexpr std::size_t first_read_bytes = 4096;
// Pause before accepting again after an accept error (EMFILE: out of descriptors), so the loop does
// not spin at 100% CPU while the condition lasts.
constexpr std::chrono::milliseconds accept_retry_delay{100};

// [SECTION] conversions

using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

Request to_request(BeastRequest&& in) {
  Request out;
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  for (const auto& field : in) out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  out.body = std::move(in.body());
  return out;
}

BeastResponse to_beast(Response&& in, unsigned version, bool keep_alive) {
  BeastResponse out{static_cast<bhttp::status>(in.status), version};
  out.set(bhttp::field::server, "onboard/" + std::string(server_version()));
  for (auto& [name, value] : in.headers) out.insert(name, value);
  const bool bodiless = in.status == 304 || in.status == 204 || in.status < 200;
  if (!bodiless) out.content_length(in.body.size());
  if (!bodiless && !in.omit_body) out.body() = std::move(in.body);
  out.keep_alive(keep_alive);
  return out;
}

// [SECTION] session

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Router& router, Metrics& metrics, std::atomic<std::size_t>& connections)
      : stream_(std::move(socket)), router_(router), metrics_(metrics), connections_(connections) {}
  ~Session() { --connections_; }

  void run() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->wait_for_request(); });
  }

 private:
  // Between requests only the idle timeout applies; the request deadline starts with its first byte.
  void wait_for_request() {
    if (buffer_.size() > 0) return read_header();  // a pipelined request is already here
    stream_.expires_after(limits::idle_timeout);
    stream_.async_read_some(buffer_.prepare(first_read_bytes),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              if (ec) return self->close();  // idle timeout, or the client went away
                              self->buffer_.commit(n);
                              self->read_header();
                            });
  }

  void read_header() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits::max_header_bytes));
    parser_->body_limit(limits::max_json_body_bytes);
    stream_.expires_after(limits::request_read_deadline);  // covers header AND body, not reset below
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                               if (ec) return self->on_read_error(ec);
                               self->continue_if_expected();
                             });
  }

  // A client that sent "Expect: 100-continue" (curl does for bodies > 1 KiB) waits for this before
  // sending the body; without it the upload stalls for a second.
  void continue_if_expected() {
    if (parser_->is_done()) return dispatch_request();  // no body (a GET): one async read less per request
    const auto& req = parser_->get();
    if (req[bhttp::field::expect] != "100-continue") return read_body();
    auto interim = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, req.version());
    bhttp::async_write(stream_, *interim, [self = shared_from_this(), interim](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->read_body();
    });
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->on_read_error(ec);
      self->dispatch_request();
    });
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::body_limit)
      return fail(413, "http.body_too_large",
                  "request body larger than " + std::to_string(limits::max_json_body_bytes) + " bytes");
    if (ec == bhttp::error::header_limit)
      return fail(431, "http.header_too_large",
                  "request headers larger than " + std::to_string(limits::max_header_bytes) + " bytes");
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message)
      return fail(400, "http.bad_request", "malformed HTTP request: " + ec.message());
    close();  // timeout (a drip client), reset, or end of stream: nobody to answer
  }

  void dispatch_request() {
    auto& req = parser_->get();
    keep_alive_ = req.keep_alive();
    version_ = req.version();
    auto request = to_request(parser_->release());
    parser_.reset();
    const auto route = classify_route(request.path());
    begin_request(route, classify_method(request.method));
    if (route == RouteId::metrics) return write(metrics_.serve(request), keep_alive_, false);
    beast::error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    if (!ec) request.remote_address = peer.address().to_string();
    // The router may answer from a storage thread: hop back onto this connection's strand (inline when
    // the answer comes at once, e.g. from a cache), and ignore a second answer (the router promises
    // one; a bug must not write twice on the socket).
    auto answered = std::make_shared<std::atomic<bool>>(false);
    router_.handle(std::move(request), [self = shared_from_this(), answered](Response res) {
      if (answered->exchange(true)) return;
      net::dispatch(self->stream_.get_executor(),
                [self, res = std::move(res)]() mutable { self->write(std::move(res), self->keep_alive_, false); });
    });
  }

  // Starts the clock of one request for the metrics; write() stops it whatever becomes of the write.
  void begin_request(RouteId route, MethodId method) {
    current_ = InFlight{route, method, std::chrono::steady_clock::now(), 0};
    metrics_.request_started();
  }

  void end_request() {
    if (!current_) return;
    metrics_.request_finished(current_->route, current_->method, current_->status,
                              std::chrono::steady_clock::now() - current_->started);
    current_.reset();
  }

  void write(Response&& res, bool keep_alive, bool linger) {
    if (current_) current_->status = res.status;
    response_.emplace(to_beast(std::move(res), version_, keep_alive));
    stream_.expires_after(limits::write_deadline);
    bhttp::async_write(stream_, *response_,
                       [self = shared_from_this(), keep_alive, linger](beast::error_code ec, std::size_t) {
                         self->response_.reset();
                         self->end_request();
                         if (ec) return self->close();
                         if (linger) return self->linger();
                         if (!keep_alive) return self->close();
                         self->wait_for_request();
                       });
  }

  // The request cannot be continued (unread body, broken framing): answer, then close.
  void fail(int status, std::string code, std::string message) {
    parser_.reset();
    begin_request(RouteId::unparsed, MethodId::other);
    write(error_response(status, std::move(code), "", std::move(message)), false, true);
  }

  // Lingering close: stop sending, then read and drop what the client is still sending for a short
  // while, so its TCP stack does not answer our close with a reset that destroys the error response.
  void linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(limits::linger_time);
    drain();
  }

  void drain() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(first_read_bytes * 16),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->lingered_ += n;
                              if (ec || self->lingered_ > limits::linger_discard_bytes) return self->close();
                              self->drain();
                            });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<BeastResponse> response_;
  Router& router_;
  Metrics& metrics_;
  std::atomic<std::size_t>& connections_;
  // The request being answered: at most one per session, since requests on a connection are serial.
  struct InFlight {
    RouteId route;
    MethodId method;
    std::chrono::steady_clock::time_point started;
    int status;
  };
  std::optional<InFlight> current_;
  bool keep_alive_ = false;
  unsigned version_ = 11;
  std::size_t lingered_ = 0;
};

// [SECTION] listener

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, tcp::acceptor&& acceptor, Router& router, Metrics& metrics,
           std::atomic<std::size_t>& connections)
      : ioc_(ioc),
        acceptor_(std::move(acceptor)),
        retry_(ioc),
        router_(router),
        metrics_(metrics),
        connections_(connections) {}

  void accept() {
    // Each connection gets its own strand: its handlers never run concurrently, without a mutex.
    acceptor_.async_accept(net::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
      self->on_accept(ec, std::move(s));
    });
  }

  void stop() {
    beast::error_code ignored;
    acceptor_.close(ignored);
    retry_.cancel();
  }

 private:
  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted) return;  // stop() closed the acceptor
    if (ec) {
      log_event("accept_error", {{"message", ec.message()}});
      retry_.expires_after(accept_retry_delay);
      retry_.async_wait([self = shared_from_this()](beast::error_code wait_ec) {
        if (!wait_ec) self->accept();
      });
      return;
    }
    if (connections_.load() >= limits::max_connections) {
      beast::error_code ignored;
      socket.close(ignored);  // over the cap: refuse cheaply; the client retries later
      metrics_.connection_refused();
    } else {
      ++connections_;
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);  // with Nagle every response waits ≈44 ms
      std::make_shared<Session>(std::move(socket), router_, metrics_, connections_)->run();
    }
    accept();
  }

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_;
  Router& router_;
  Metrics& metrics_;
  std::atomic<std::size_t>& connections_;
};

}  // namespace

// [SECTION] server

struct HttpServer::Impl {
  explicit Impl(Router& r) : router(r), ioc(limits::io_threads), signals(ioc, SIGINT, SIGTERM) {
    metrics.add_gauge("onboard_http_open_connections", "Open client connections (the cap is limits::max_connections).",
                      [this] { return static_cast<double>(connections.load(std::memory_order_relaxed)); });
  }

  Router& router;
  Metrics metrics;                          // before ioc too: sessions hold a reference until ioc destroys them
  std::atomic<std::size_t> connections{0};  // before ioc: sessions destroyed with ioc still count down
  net::io_context ioc;
  net::signal_set signals;
  std::shared_ptr<Listener> listener;
};

HttpServer::HttpServer(Router& router) : impl_(std::make_unique<Impl>(router)) {}

HttpServer::~HttpServer() = default;

Metrics& HttpServer::metrics() { return impl_->metrics; }

Result<std::uint16_t> HttpServer::listen(const std::string& host, std::uint16_t port) {
  beast::error_code ec;
  const auto address = net::ip::make_address(host, ec);
  if (ec) return make_error("server.address", "", "'" + host + "' is not an IP address");
  tcp::acceptor acceptor(impl_->ioc);
  const tcp::endpoint endpoint(address, port);
  const auto where = host + ":" + std::to_string(port);
  if (acceptor.open(endpoint.protocol(), ec); ec) return make_error("server.listen", "", where + ": " + ec.message());
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (acceptor.bind(endpoint, ec); ec) return make_error("server.listen", "", where + ": " + ec.message());
  if (acceptor.listen(net::socket_base::max_listen_connections, ec); ec)
    return make_error("server.listen", "", where + ": " + ec.message());
  const auto actual = acceptor.local_endpoint(ec).port();
  impl_->listener =
      std::make_shared<Listener>(impl_->ioc, std::move(acceptor), impl_->router, impl_->metrics, impl_->connections);
  impl_->listener->accept();
  return actual;
}

int HttpServer::run_until_signal() {
  int received = 0;
  impl_->signals.async_wait([this, &received](beast::error_code ec, int signal) {
    if (ec) return;
    received = signal;
    if (impl_->listener) impl_->listener->stop();
    impl_->ioc.stop();
  });
  std::vector<std::thread> threads;
  for (int i = 1; i < limits::io_threads; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  return received;
}

}  // namespace onb::server::http
