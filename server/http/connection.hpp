// One client socket's state machine: read, parse (Beast's HTTP/1.1 parser, fed synchronously from one
// contiguous buffer), await the router, write the head and body in one sendmsg, and after a request
// that broke the framing linger before closing. Touched only by its loop's thread. The meaning of a
// request is the Router's; sockets are accepted and swept by event_loop.hpp.
#pragma once

#include "server/http/event_loop.hpp"
#include "server/http/wire.hpp"

#include <boost/beast/core/error.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace onb::server::http::io {


// One client socket, touched only by its loop's thread (a reply from a storage thread is handed over
// through the loop's inbox). Requests on a connection are served one after the other; pipelined bytes
// wait in the buffer.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(int fd, std::string remote, EventLoop& loop, std::atomic<std::size_t>& connections);
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
  void on_parse_error(boost::beast::error_code ec);
  void fail(int status, std::string code, std::string message);
  void start_write(Response&& res, bool keep_alive, Then then);
  void end_request();
  void make_room();

  int fd_;
  std::string remote_;
  EventLoop& loop_;
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
  std::optional<wire::Parser> parser_;
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
    RouteLabel route;
    MethodId method;
    Clock::time_point started;
    int status;
  };
  std::optional<InFlight> current_;
};

}  // namespace onb::server::http::io
