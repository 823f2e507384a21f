// The network side: one epoll loop per I/O thread, each owning its connections outright (no strands,
// no locks on the request path), Beast's HTTP/1.1 parser fed synchronously from a contiguous buffer,
// and response heads written by hand with the body in one sendmsg. Replaced Asio's multi-threaded
// io_context: with it, half of a request's user-space time went to the scheduler, strands, executor
// wrappers and getpeername (docs/perf/server.md), and /healthz ran at 0.7x nginx.
//
// [SECTION] wire        Request from Beast's parser, the response head
// [SECTION] connection  one socket's state machine: read, parse, await the router, write, linger
// [SECTION] loop        epoll, accepts handed round-robin, the inbox of replies from other threads, timeouts
// [SECTION] server      threads, signals
#include "server/http/http_server.hpp"

#include "server/http/limits.hpp"
#include "server/http/responses.hpp"
#include "server/log.hpp"

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace onb::server::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using Clock = std::chrono::steady_clock;

namespace {

// Free room kept at the end of a connection's buffer before each read; a typical request fits.
constexpr std::size_t read_chunk = 16 * 1024;
// Pause before accepting again after an accept error (EMFILE: out of descriptors), so the loop does
// not spin at 100% CPU while the condition lasts.
constexpr std::chrono::milliseconds accept_retry_delay{100};
// How often each loop looks for connections past their deadline: the deadlines are seconds long.
constexpr int sweep_interval_ms = 250;
constexpr int max_events = 256;

// SIGINT/SIGTERM: the handler only writes the signal number down and wakes the first loop.
std::atomic<int> g_signal{0};
std::atomic<int> g_signal_fd{-1};

extern "C" void on_stop_signal(int signal) {
  g_signal.store(signal);
  const int fd = g_signal_fd.load();
  if (fd >= 0) {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto ignored = ::write(fd, &one, sizeof one);  // async-signal-safe
  }
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// [SECTION] wire

using Parser = bhttp::request_parser<bhttp::string_body>;

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

void append_number(std::string& out, std::size_t n) {
  char digits[24];
  auto* end = digits + sizeof digits;
  auto* p = end;
  do *--p = static_cast<char>('0' + n % 10);
  while ((n /= 10) != 0);
  out.append(p, end);
}

// A header value must not end the header early: a CR or LF in it (a file name, say) becomes a space.
void append_value(std::string& out, const std::string& value) {
  if (value.find_first_of("\r\n") == std::string::npos) return void(out += value);
  for (const char c : value) out += (c == '\r' || c == '\n') ? ' ' : c;
}

// The status line and headers of `res`, as Beast's serializer wrote them: Server, the handler's
// headers, Content-Length unless the status has no body, Connection when it differs from the default.
void append_head(std::string& out, const Response& res, unsigned version, bool keep_alive) {
  static const std::string server_line = "Server: onboard/" + std::string(server_version()) + "\r\n";
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

class Loop;

// [SECTION] connection

// One client socket, touched only by its loop's thread (a reply from a storage thread is handed over
// through the loop's inbox). Requests on a connection are served one after the other; pipelined bytes
// wait in the buffer.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(int fd, std::string remote, Loop& loop, std::atomic<std::size_t>& connections);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  int fd() const { return fd_; }
  bool closed() const { return state_ == State::closed; }
  Clock::time_point deadline() const { return deadline_; }

  void on_events(std::uint32_t events);
  void on_reply(std::uint64_t request, Response&& res);
  void close();

 private:
  enum class State { reading, awaiting, writing, lingering, closed };
  // What follows a response's last byte.
  enum class Then { next_request, go_on_reading, linger, close };

  void drive();
  bool step();
  bool read_step();
  bool parse_buffered();
  bool write_step();
  bool linger_step();

  void begin_parse();
  void dispatch();
  void on_parse_error(beast::error_code ec);
  void fail(int status, std::string code, std::string message);
  void start_write(Response&& res, bool keep_alive, Then then);
  void end_request();
  void make_room();

  int fd_;
  std::string remote_;
  Loop& loop_;
  std::atomic<std::size_t>& connections_;
  State state_ = State::reading;
  bool readable_ = false;  // edge-triggered epoll: true from an EPOLLIN until a read says EAGAIN
  bool writable_ = true;   // the same for EPOLLOUT and sends
  bool hung_up_ = false;   // the peer closed its side (or the socket failed): read to the end
  bool driving_ = false;
  Clock::time_point deadline_;

  std::string in_;  // received bytes; [start_, end_) not yet given to the parser
  std::size_t start_ = 0;
  std::size_t end_ = 0;
  std::optional<Parser> parser_;
  bool continue_sent_ = false;

  std::string out_head_;  // the response being sent: head, then body
  std::string out_body_;
  std::size_t sent_ = 0;
  Then then_ = Then::next_request;

  std::uint64_t request_ = 0;  // numbers requests, so a late or second reply is recognised and dropped
  bool keep_alive_ = false;
  unsigned version_ = 11;
  std::size_t lingered_ = 0;

  struct InFlight {  // the request being answered, for the metrics
    RouteId route;
    MethodId method;
    Clock::time_point started;
    int status;
  };
  std::optional<InFlight> current_;
};

// [SECTION] loop

class Loop {
 public:
  Loop(Router& router, Metrics& metrics, std::atomic<std::size_t>& connections)
      : router_(router), metrics_(metrics), connections_(connections) {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    watch(wake_, &wake_, EPOLLIN | EPOLLET);
  }
  ~Loop() {
    std::vector<Connection*> open;
    for (auto& [raw, conn] : connections_by_ptr_) open.push_back(raw);
    for (auto* raw : open) raw->close();  // close() moves each into the graveyard
    graveyard_.clear();
    close_fd(wake_);
    close_fd(epoll_);
  }
  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;

  Router& router() { return router_; }
  Metrics& metrics() { return metrics_; }
  Clock::time_point now() const { return now_; }

  // The first loop accepts for all; the others receive sockets through their inbox.
  void own_listener(int fd, std::vector<Loop*> loops) {
    listen_ = fd;
    loops_ = std::move(loops);
    watch(listen_, &listen_, EPOLLIN);
  }
  void own_signal_fd(int fd, std::vector<Loop*> loops) {
    signal_ = fd;
    all_ = std::move(loops);
    watch(signal_, &signal_, EPOLLIN);
  }

  // From any thread: a reply for `conn`'s request number `request`.
  void deliver(std::shared_ptr<Connection> conn, std::uint64_t request, Response res) {
    if (current_loop == this) return conn->on_reply(request, std::move(res));
    post([&](Inbox& in) { in.replies.push_back({std::move(conn), request, std::move(res)}); });
  }

  void stop() {
    stopping_.store(true);
    post([](Inbox&) {});
  }

  void run() {
    current_loop = this;
    epoll_event events[max_events];
    auto next_sweep = Clock::now();
    while (!stopping_.load(std::memory_order_relaxed)) {
      const int n = ::epoll_wait(epoll_, events, max_events, sweep_interval_ms);
      now_ = Clock::now();
      for (int i = 0; i < n; ++i) on_event(events[i]);
      graveyard_.clear();  // closed in this batch: safe to free now that no event can name them
      if (now_ >= next_sweep) {
        sweep();
        next_sweep = now_ + std::chrono::milliseconds(sweep_interval_ms);
      }
    }
    current_loop = nullptr;
  }

  void forget(Connection* conn) {
    const auto it = connections_by_ptr_.find(conn);
    if (it == connections_by_ptr_.end()) return;
    graveyard_.push_back(std::move(it->second));
    connections_by_ptr_.erase(it);
  }

 private:
  struct Delivery {
    std::shared_ptr<Connection> conn;
    std::uint64_t request;
    Response res;
  };
  struct Accepted {
    int fd;
    std::string remote;
  };
  struct Inbox {
    std::vector<Delivery> replies;
    std::vector<Accepted> sockets;
  };

  void watch(int fd, void* tag, std::uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = tag;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev);
  }

  template <class F>
  void post(F&& put) {
    bool was_empty;
    {
      std::lock_guard lock(inbox_mutex_);
      was_empty = inbox_.replies.empty() && inbox_.sockets.empty();
      put(inbox_);
    }
    if (was_empty) {  // one wake-up per batch: the loop takes the whole inbox at once
      const std::uint64_t one = 1;
      [[maybe_unused]] const auto ignored = ::write(wake_, &one, sizeof one);
    }
  }

  void on_event(const epoll_event& ev) {
    if (ev.data.ptr == &wake_) return take_inbox();
    if (ev.data.ptr == &listen_) return accept_all();
    if (ev.data.ptr == &signal_) return on_signal();
    auto* conn = static_cast<Connection*>(ev.data.ptr);
    if (!conn->closed()) conn->on_events(ev.events);
  }

  void take_inbox() {
    std::uint64_t count;
    [[maybe_unused]] const auto ignored = ::read(wake_, &count, sizeof count);
    Inbox taken;
    {
      std::lock_guard lock(inbox_mutex_);
      std::swap(taken, inbox_);
    }
    for (auto& s : taken.sockets) adopt(s.fd, std::move(s.remote));
    for (auto& d : taken.replies) d.conn->on_reply(d.request, std::move(d.res));
  }

  void on_signal() {
    std::uint64_t count;
    [[maybe_unused]] const auto ignored = ::read(signal_, &count, sizeof count);
    if (listen_ >= 0) ::epoll_ctl(epoll_, EPOLL_CTL_DEL, listen_, nullptr);  // stop accepting first
    for (auto* loop : all_) loop->stop();
  }

  void accept_all() {
    for (;;) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      const int fd = ::accept4(listen_, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) return;
        if (errno == EINTR || errno == ECONNABORTED) continue;
        log_event("accept_error", {{"message", std::strerror(errno)}});
        // Out of descriptors: stop listening for a moment instead of spinning on a ready socket.
        ::epoll_ctl(epoll_, EPOLL_CTL_DEL, listen_, nullptr);
        accept_paused_until_ = now_ + accept_retry_delay;
        return;
      }
      if (connections_.load() >= limits::max_connections) {
        ::close(fd);  // over the cap: refuse cheaply; the client retries later
        metrics_.connection_refused();
        continue;
      }
      ++connections_;
      const int on = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // with Nagle every response waits ≈44 ms
      auto remote = address_of(addr);
      Loop* target = loops_[next_loop_++ % loops_.size()];
      if (target == this)
        adopt(fd, std::move(remote));
      else
        target->post([&](Inbox& in) { in.sockets.push_back({fd, std::move(remote)}); });
    }
  }

  static std::string address_of(const sockaddr_storage& addr) {
    char text[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET)
      ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr, text, sizeof text);
    else if (addr.ss_family == AF_INET6)
      ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(addr).sin6_addr, text, sizeof text);
    return text;
  }

  void adopt(int fd, std::string remote) {
    if (stopping_.load()) {
      ::close(fd);
      --connections_;
      return;
    }
    auto conn = std::make_shared<Connection>(fd, std::move(remote), *this, connections_);
    auto* raw = conn.get();
    connections_by_ptr_.emplace(raw, std::move(conn));
    watch(fd, raw, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET);
  }

  // Timeouts close silently: an idle keep-alive, a drip client, a reader that stopped reading.
  void sweep() {
    std::vector<Connection*> late;
    for (auto& [raw, conn] : connections_by_ptr_)
      if (conn->deadline() <= now_) late.push_back(raw);
    for (auto* raw : late) raw->close();
    if (listen_ >= 0 && accept_paused_until_ && now_ >= *accept_paused_until_) {
      accept_paused_until_.reset();
      watch(listen_, &listen_, EPOLLIN);
    }
  }

  static thread_local Loop* current_loop;

  Router& router_;
  Metrics& metrics_;
  std::atomic<std::size_t>& connections_;
  int epoll_ = -1;
  int wake_ = -1;
  int listen_ = -1;  // not owned (the server closes it)
  int signal_ = -1;  // not owned
  std::vector<Loop*> loops_;
  std::vector<Loop*> all_;
  std::size_t next_loop_ = 0;
  std::optional<Clock::time_point> accept_paused_until_;
  Clock::time_point now_ = Clock::now();
  std::atomic<bool> stopping_{false};
  std::unordered_map<Connection*, std::shared_ptr<Connection>> connections_by_ptr_;
  std::vector<std::shared_ptr<Connection>> graveyard_;
  std::mutex inbox_mutex_;
  Inbox inbox_;
};

thread_local Loop* Loop::current_loop = nullptr;

// [SECTION] connection: the state machine

Connection::Connection(int fd, std::string remote, Loop& loop, std::atomic<std::size_t>& connections)
    : fd_(fd),
      remote_(std::move(remote)),
      loop_(loop),
      connections_(connections),
      deadline_(loop.now() + limits::idle_timeout) {}

// A connection may die on another thread (its last reference in a reply dropped by a stopped loop).
Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
  --connections_;
}

void Connection::close() {
  if (state_ == State::closed) return;
  end_request();
  state_ = State::closed;
  ::shutdown(fd_, SHUT_RDWR);
  ::close(fd_);  // also leaves the epoll set
  fd_ = -1;
  loop_.forget(this);  // may free this object once the current batch of events is done
}

void Connection::on_events(std::uint32_t events) {
  if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) readable_ = true;  // a read tells which
  if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) hung_up_ = true;
  if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR)) writable_ = true;
  drive();
}

void Connection::on_reply(std::uint64_t request, Response&& res) {
  if (state_ != State::awaiting || request != request_) return;  // closed meanwhile, or a second answer
  start_write(std::move(res), keep_alive_, keep_alive_ ? Then::next_request : Then::close);
  drive();
}

// Runs steps until none can progress. Re-entrant calls (a reply given inline while dispatching) only
// change the state; the outer loop carries on with it, so pipelined requests never deepen the stack.
void Connection::drive() {
  if (driving_) return;
  const auto self = shared_from_this();  // close() may drop the loop's reference mid-step
  driving_ = true;
  while (step()) {
  }
  driving_ = false;
}

bool Connection::step() {
  switch (state_) {
    case State::reading: return read_step();
    case State::writing: return write_step();
    case State::lingering: return linger_step();
    case State::awaiting:
    case State::closed: return false;
  }
  return false;
}

bool Connection::read_step() {
  if (start_ < end_ && parse_buffered()) return true;
  if (!readable_) return false;
  make_room();
  const auto room = in_.size() - end_;
  const auto n = ::recv(fd_, in_.data() + end_, room, 0);
  if (n > 0) {
    end_ += static_cast<std::size_t>(n);
    // Less than asked for: the socket is drained, and with edge-triggered epoll whatever arrives
    // next raises a new event. Saves the read that would only say EAGAIN after every request.
    // (Not once the peer has hung up: its end of stream is still to be read.)
    if (static_cast<std::size_t>(n) < room && !hung_up_) readable_ = false;
    return true;
  }
  if (n < 0 && errno == EINTR) return true;
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
    readable_ = false;
    return false;
  }
  close();  // the client went away (mid-request too: nobody to answer) or the socket failed
  return false;
}

// Gives the buffered bytes to the parser; true when that changed something (bytes taken, a request
// complete or refused), false when the parser waits for more.
bool Connection::parse_buffered() {
  if (!parser_) begin_parse();
  beast::error_code ec;
  const auto used = parser_->put(boost::asio::const_buffer(in_.data() + start_, end_ - start_), ec);
  start_ += used;
  if (start_ == end_) start_ = end_ = 0;
  if (ec == bhttp::error::need_more) ec = {};
  if (ec) return on_parse_error(ec), true;
  if (parser_->is_done()) return dispatch(), true;
  // A client that sent "Expect: 100-continue" (curl does for bodies > 1 KiB) waits for this before
  // sending the body; without it the upload stalls for a second.
  if (parser_->is_header_done() && !continue_sent_) {
    continue_sent_ = true;
    if (parser_->get()[bhttp::field::expect] == "100-continue") {
      Response interim;
      interim.status = 100;
      start_write(std::move(interim), true, Then::go_on_reading);
      return true;
    }
  }
  return used > 0;
}

// The request deadline starts with a request's first byte and covers header AND body.
void Connection::begin_parse() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(limits::max_header_bytes));
  parser_->body_limit(limits::max_json_body_bytes);
  parser_->eager(true);
  continue_sent_ = false;
  deadline_ = loop_.now() + limits::request_read_deadline;
}

// Keeps room for a read at the end of the buffer, moving unparsed bytes to the front first.
void Connection::make_room() {
  if (start_ > 0) {
    std::memmove(in_.data(), in_.data() + start_, end_ - start_);
    end_ -= start_;
    start_ = 0;
  }
  if (in_.size() - end_ < read_chunk) in_.resize(end_ + read_chunk);
}

void Connection::on_parse_error(beast::error_code ec) {
  if (ec == bhttp::error::body_limit)
    return fail(413, "http.body_too_large",
                "request body larger than " + std::to_string(limits::max_json_body_bytes) + " bytes");
  if (ec == bhttp::error::header_limit)
    return fail(431, "http.header_too_large",
                "request headers larger than " + std::to_string(limits::max_header_bytes) + " bytes");
  fail(400, "http.bad_request", "malformed HTTP request: " + ec.message());
}

void Connection::dispatch() {
  auto& req = parser_->get();
  keep_alive_ = req.keep_alive();
  version_ = req.version();
  auto request = to_request(parser_->release());
  parser_.reset();
  const auto route = classify_route(request.path());
  current_ = InFlight{route, classify_method(request.method), Clock::now(), 0};
  loop_.metrics().request_started();
  state_ = State::awaiting;
  deadline_ = Clock::time_point::max();  // the router's time is not the client's fault
  const auto number = ++request_;
  if (route == RouteId::metrics) return on_reply(number, loop_.metrics().serve(request));
  request.remote_address = remote_;
  // The router may answer from a storage thread: the loop hands the answer back to this thread
  // (inline when it comes at once, e.g. from a cache); a second answer finds another number and is dropped.
  loop_.router().handle(std::move(request), [self = shared_from_this(), number](Response res) {
    self->loop_.deliver(self, number, std::move(res));
  });
}

// The request cannot be continued (unread body, broken framing): answer, then linger and close.
void Connection::fail(int status, std::string code, std::string message) {
  parser_.reset();
  current_ = InFlight{RouteId::unparsed, MethodId::other, Clock::now(), 0};
  loop_.metrics().request_started();
  start_write(error_response(status, std::move(code), "", std::move(message)), false, Then::linger);
}

void Connection::start_write(Response&& res, bool keep_alive, Then then) {
  if (current_ && res.status >= 200) current_->status = res.status;
  // Counted before the first byte leaves: a client that reads the answer and scrapes /metrics at once
  // (on another connection, another thread) must find the request counted.
  if (then != Then::go_on_reading) end_request();
  out_head_.clear();
  append_head(out_head_, res, version_, keep_alive);
  out_body_.clear();
  if (!bodiless(res.status) && !res.omit_body) out_body_ = std::move(res.body);
  sent_ = 0;
  then_ = then;
  state_ = State::writing;
  deadline_ = loop_.now() + limits::write_deadline;
}

bool Connection::write_step() {
  if (!writable_) return false;
  const auto total = out_head_.size() + out_body_.size();
  iovec parts[2];
  int count = 0;
  if (sent_ < out_head_.size()) parts[count++] = {out_head_.data() + sent_, out_head_.size() - sent_};
  const auto body_from = sent_ > out_head_.size() ? sent_ - out_head_.size() : 0;
  if (body_from < out_body_.size()) parts[count++] = {out_body_.data() + body_from, out_body_.size() - body_from};
  msghdr msg{};
  msg.msg_iov = parts;
  msg.msg_iovlen = static_cast<std::size_t>(count);
  const auto n = ::sendmsg(fd_, &msg, MSG_NOSIGNAL);  // a vanished client is an error, not SIGPIPE
  if (n < 0 && errno == EINTR) return true;
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
    writable_ = false;
    return false;
  }
  if (n < 0) {
    close();
    return false;
  }
  sent_ += static_cast<std::size_t>(n);
  if (sent_ < total) {
    writable_ = false;  // the socket's buffer is full: EPOLLOUT says when it has room again
    return false;
  }
  if (then_ == Then::go_on_reading) {  // the interim 100 Continue: the request is still being read
    state_ = State::reading;
    deadline_ = loop_.now() + limits::request_read_deadline;
    return true;
  }
  end_request();
  switch (then_) {
    case Then::next_request:
      state_ = State::reading;
      deadline_ = loop_.now() + limits::idle_timeout;
      if (out_body_.capacity() > 64 * 1024) std::string().swap(out_body_);  // no large buffer kept idle
      return true;
    case Then::linger:
      // Lingering close: stop sending, then read and drop what the client is still sending for a
      // short while, so its TCP stack does not answer our close with a reset that destroys the answer.
      ::shutdown(fd_, SHUT_WR);
      state_ = State::lingering;
      deadline_ = loop_.now() + limits::linger_time;
      start_ = end_ = 0;
      return true;
    case Then::close:
    case Then::go_on_reading: close(); return false;
  }
  return false;
}

bool Connection::linger_step() {
  if (!readable_) return false;
  make_room();
  const auto n = ::recv(fd_, in_.data(), in_.size(), 0);
  if (n > 0) {
    lingered_ += static_cast<std::size_t>(n);
    if (lingered_ > limits::linger_discard_bytes) return close(), false;
    return true;
  }
  if (n < 0 && errno == EINTR) return true;
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
    readable_ = false;
    return false;
  }
  close();
  return false;
}

// Stops the clock of the request being answered (its response is about to be sent; a failed send
// changes nothing), or of one cut short by close().
void Connection::end_request() {
  if (!current_) return;
  loop_.metrics().request_finished(current_->route, current_->method, current_->status, Clock::now() - current_->started);
  current_.reset();
}

}  // namespace

// [SECTION] server

struct HttpServer::Impl {
  explicit Impl(Router& r) : router(r) {
    metrics.add_gauge("onboard_http_open_connections", "Open client connections (the cap is limits::max_connections).",
                      [this] { return static_cast<double>(connections.load(std::memory_order_relaxed)); });
    signal_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    g_signal_fd.store(signal_fd);
    struct sigaction action{};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    for (int i = 0; i < limits::io_threads; ++i) loops.push_back(std::make_unique<Loop>(router, metrics, connections));
  }
  ~Impl() {
    g_signal_fd.store(-1);
    loops.clear();
    close_fd(listener);
    close_fd(signal_fd);
  }

  Router& router;
  Metrics metrics;                          // before the loops: connections hold a reference until freed
  std::atomic<std::size_t> connections{0};  // before the loops: connections freed with them still count down
  int listener = -1;
  int signal_fd = -1;
  std::vector<std::unique_ptr<Loop>> loops;
};

HttpServer::HttpServer(Router& router) : impl_(std::make_unique<Impl>(router)) {}

HttpServer::~HttpServer() = default;

Metrics& HttpServer::metrics() { return impl_->metrics; }

Result<std::uint16_t> HttpServer::listen(const std::string& host, std::uint16_t port) {
  sockaddr_storage addr{};
  socklen_t len = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (::inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    len = sizeof *v4;
  } else if (::inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    len = sizeof *v6;
  } else {
    return make_error("server.address", "", "'" + host + "' is not an IP address");
  }
  const auto where = host + ":" + std::to_string(port);
  const int fd = ::socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return make_error("server.listen", "", where + ": " + std::strerror(errno));
  const int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(fd, SOMAXCONN) != 0) {
    const auto message = where + ": " + std::strerror(errno);
    ::close(fd);
    return make_error("server.listen", "", message);
  }
  sockaddr_storage bound{};
  socklen_t bound_len = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &bound_len);
  const auto actual = ntohs(bound.ss_family == AF_INET ? reinterpret_cast<sockaddr_in&>(bound).sin_port
                                                       : reinterpret_cast<sockaddr_in6&>(bound).sin6_port);
  close_fd(impl_->listener);
  impl_->listener = fd;
  std::vector<Loop*> loops;
  for (auto& l : impl_->loops) loops.push_back(l.get());
  impl_->loops.front()->own_listener(fd, loops);
  return actual;
}

int HttpServer::run_until_signal() {
  std::vector<Loop*> loops;
  for (auto& l : impl_->loops) loops.push_back(l.get());
  impl_->loops.front()->own_signal_fd(impl_->signal_fd, loops);
  if (g_signal.load() != 0) return g_signal.load();  // a signal came before: nothing to serve
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < loops.size(); ++i) threads.emplace_back([loop = loops[i]] { loop->run(); });
  loops.front()->run();
  for (auto& t : threads) t.join();
  return g_signal.load();
}

}  // namespace onb::server::http
