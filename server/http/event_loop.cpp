#include "server/http/event_loop.hpp"

#include "server/http/connection.hpp"
#include "server/http/limits.hpp"
#include "server/log.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace onb::server::http::io {
namespace {

// Pause before accepting again after an accept error (EMFILE: out of descriptors), so the loop does
// not spin at 100% CPU while the condition lasts.
constexpr std::chrono::milliseconds accept_retry_delay{100};
// How often each loop looks for connections past their deadline: the deadlines are seconds long.
constexpr int sweep_interval_ms = 250;
constexpr int max_events = 256;

std::string address_of(const sockaddr_storage& addr) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET)
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr, text, sizeof text);
  else if (addr.ss_family == AF_INET6)
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(addr).sin6_addr, text, sizeof text);
  return text;
}

}  // namespace

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

thread_local EventLoop* EventLoop::current_loop = nullptr;

EventLoop::EventLoop(Router& router, Metrics& metrics, std::atomic<std::size_t>& connections)
    : router_(router), metrics_(metrics), connections_(connections) {
  epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  watch(wake_, &wake_, EPOLLIN | EPOLLET);
}

EventLoop::~EventLoop() {
  std::vector<Connection*> open;
  for (auto& [raw, conn] : connections_by_ptr_) open.push_back(raw);
  for (auto* raw : open) raw->close();  // close() moves each into the graveyard
  graveyard_.clear();
  close_fd(wake_);
  close_fd(epoll_);
}

void EventLoop::watch(int fd, void* tag, std::uint32_t events) {
  epoll_event ev{};
  ev.events = events;
  ev.data.ptr = tag;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev);
}

template <class F>
void EventLoop::post(F&& put) {
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

void EventLoop::own_listener(int fd, std::vector<EventLoop*> loops) {
  listen_ = fd;
  loops_ = std::move(loops);
  watch(listen_, &listen_, EPOLLIN);
}

void EventLoop::own_signal_fd(int fd, std::vector<EventLoop*> loops) {
  signal_ = fd;
  all_ = std::move(loops);
  watch(signal_, &signal_, EPOLLIN);
}

void EventLoop::deliver(std::shared_ptr<Connection> conn, std::uint64_t request, Response res) {
  if (current_loop == this) return conn->on_reply(request, std::move(res));
  post([&](Inbox& in) { in.replies.push_back({std::move(conn), request, std::move(res)}); });
}

void EventLoop::stop() {
  stopping_.store(true);
  post([](Inbox&) {});
}

void EventLoop::run() {
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

void EventLoop::forget(Connection* conn) {
  const auto it = connections_by_ptr_.find(conn);
  if (it == connections_by_ptr_.end()) return;
  graveyard_.push_back(std::move(it->second));
  connections_by_ptr_.erase(it);
}

void EventLoop::on_event(const epoll_event& ev) {
  if (ev.data.ptr == &wake_) return take_inbox();
  if (ev.data.ptr == &listen_) return accept_all();
  if (ev.data.ptr == &signal_) return on_signal();
  auto* conn = static_cast<Connection*>(ev.data.ptr);
  if (!conn->closed()) conn->on_events(ev.events);
}

void EventLoop::take_inbox() {
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

void EventLoop::on_signal() {
  std::uint64_t count;
  [[maybe_unused]] const auto ignored = ::read(signal_, &count, sizeof count);
  if (listen_ >= 0) ::epoll_ctl(epoll_, EPOLL_CTL_DEL, listen_, nullptr);  // stop accepting first
  for (auto* loop : all_) loop->stop();
}

void EventLoop::accept_all() {
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
    EventLoop* target = loops_[next_loop_++ % loops_.size()];
    if (target == this)
      adopt(fd, std::move(remote));
    else
      target->post([&](Inbox& in) { in.sockets.push_back({fd, std::move(remote)}); });
  }
}

void EventLoop::adopt(int fd, std::string remote) {
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
void EventLoop::sweep() {
  std::vector<Connection*> late;
  for (auto& [raw, conn] : connections_by_ptr_)
    if (conn->deadline() <= now_) late.push_back(raw);
  for (auto* raw : late) raw->close();
  if (listen_ >= 0 && accept_paused_until_ && now_ >= *accept_paused_until_) {
    accept_paused_until_.reset();
    watch(listen_, &listen_, EPOLLIN);
  }
}

}  // namespace onb::server::http::io
