#include "server/http/connection.hpp"

#include "server/http/limits.hpp"
#include "server/http/responses.hpp"

#include <boost/beast/http/error.hpp>

#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace onb::server::http::io {
namespace {

namespace bhttp = boost::beast::http;

// Free room kept at the end of a connection's buffer before each read; a typical request fits.
constexpr std::size_t read_chunk = 16 * 1024;

}  // namespace

Connection::Connection(int fd, std::string remote, EventLoop& loop, std::atomic<std::size_t>& connections)
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
  boost::beast::error_code ec;
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

void Connection::on_parse_error(boost::beast::error_code ec) {
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
  auto request = wire::to_request(parser_->release());
  parser_.reset();
  const auto route = classify_route(request.path());
  current_ = InFlight{route, classify_method(request.method), Clock::now(), 0};
  loop_.metrics().request_started();
  state_ = State::awaiting;
  deadline_ = Clock::time_point::max();  // the router's time is not the client's fault
  const auto number = ++request_;
  if (route == label_of(protocol::RouteId::get_metrics)) return on_reply(number, loop_.metrics().serve(request));
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
  current_ = InFlight{unparsed_label, MethodId::other, Clock::now(), 0};
  loop_.metrics().request_started();
  start_write(error_response(status, std::move(code), "", std::move(message)), false, Then::linger);
}

void Connection::start_write(Response&& res, bool keep_alive, Then then) {
  if (current_ && res.status >= 200) current_->status = res.status;
  // Counted before the first byte leaves: a client that reads the answer and scrapes /metrics at once
  // (on another connection, another thread) must find the request counted.
  if (then != Then::go_on_reading) end_request();
  out_head_.clear();
  wire::append_head(out_head_, res, version_, keep_alive);
  out_body_.clear();
  if (!wire::bodiless(res.status) && !res.omit_body) out_body_ = std::move(res.body);
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

}  // namespace onb::server::http::io
