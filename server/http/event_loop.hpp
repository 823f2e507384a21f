// One epoll loop per I/O thread, owning its connections outright: no strands and no locks on the
// request path. The first loop accepts for all and hands sockets round-robin; replies that other
// threads produce come back through the loop's inbox; deadlines are swept every 250 ms. What a
// connection does with its bytes is connection.hpp's; threads and signals are http_server.cpp's.
#pragma once

#include "server/http/message.hpp"
#include "server/http/metrics.hpp"
#include "server/http/router.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

struct epoll_event;

namespace onb::server::http::io {

using Clock = std::chrono::steady_clock;

class Connection;

// Closes `fd` unless it is -1, and sets it to -1.
void close_fd(int& fd);

class EventLoop {
 public:
  // `connections` counts open connections across all loops (the cap is limits::max_connections).
  EventLoop(Router& router, Metrics& metrics, std::atomic<std::size_t>& connections);
  ~EventLoop();  // closes the connections it still owns
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  Router& router() { return router_; }
  Metrics& metrics() { return metrics_; }
  Clock::time_point now() const { return now_; }  // as of the current batch of events

  // The first loop accepts for all (`loops`, itself included); the others receive sockets through
  // their inbox. The loop does not own `fd`.
  void own_listener(int fd, std::vector<EventLoop*> loops);
  // A readable `fd` (the signal eventfd) stops every loop of `loops`.
  void own_signal_fd(int fd, std::vector<EventLoop*> loops);

  // From any thread: a reply for `conn`'s request number `request`; inline on the loop's own thread.
  void deliver(std::shared_ptr<Connection> conn, std::uint64_t request, Response res);
  // From any thread: run() returns after its current batch.
  void stop();
  // Serves on the calling thread until stop().
  void run();

  // A connection that closed: freed after the current batch of events, which may still name it.
  void forget(Connection* conn);

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

  void watch(int fd, void* tag, std::uint32_t events);
  template <class F>
  void post(F&& put);  // event_loop.cpp: runs put(inbox) under the lock, wakes the loop once per batch
  void on_event(const epoll_event& ev);
  void take_inbox();
  void on_signal();
  void accept_all();
  void adopt(int fd, std::string remote);
  void sweep();

  static thread_local EventLoop* current_loop;

  Router& router_;
  Metrics& metrics_;
  std::atomic<std::size_t>& connections_;
  int epoll_ = -1;
  int wake_ = -1;
  int listen_ = -1;  // not owned (the server closes it)
  int signal_ = -1;  // not owned
  std::vector<EventLoop*> loops_;
  std::vector<EventLoop*> all_;
  std::size_t next_loop_ = 0;
  std::optional<Clock::time_point> accept_paused_until_;
  Clock::time_point now_ = Clock::now();
  std::atomic<bool> stopping_{false};
  std::unordered_map<Connection*, std::shared_ptr<Connection>> connections_by_ptr_;
  std::vector<std::shared_ptr<Connection>> graveyard_;
  std::mutex inbox_mutex_;
  Inbox inbox_;
};

}  // namespace onb::server::http::io
