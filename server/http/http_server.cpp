// [SECTION] index: signals, the server (its loops, listen, run until a signal).
#include "server/http/http_server.hpp"

#include "server/http/event_loop.hpp"
#include "server/http/limits.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>
#include <vector>

namespace onb::server::http {
namespace {

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

}  // namespace

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
    for (int i = 0; i < limits::io_threads; ++i) loops.push_back(std::make_unique<io::EventLoop>(router, metrics, connections));
  }
  ~Impl() {
    g_signal_fd.store(-1);
    loops.clear();
    io::close_fd(listener);
    io::close_fd(signal_fd);
  }

  Router& router;
  Metrics metrics;                          // before the loops: connections hold a reference until freed
  std::atomic<std::size_t> connections{0};  // before the loops: connections freed with them still count down
  int listener = -1;
  int signal_fd = -1;
  std::vector<std::unique_ptr<io::EventLoop>> loops;
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
    return make_error(ErrorCategory::invalid, "server.address", "", "'" + host + "' is not an IP address");
  }
  const auto where = host + ":" + std::to_string(port);
  const int fd = ::socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return make_error(ErrorCategory::invalid, "server.listen", "", where + ": " + std::strerror(errno));
  const int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(fd, SOMAXCONN) != 0) {
    const auto message = where + ": " + std::strerror(errno);
    ::close(fd);
    return make_error(ErrorCategory::invalid, "server.listen", "", message);
  }
  sockaddr_storage bound{};
  socklen_t bound_len = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &bound_len);
  const auto actual = ntohs(bound.ss_family == AF_INET ? reinterpret_cast<sockaddr_in&>(bound).sin_port
                                                       : reinterpret_cast<sockaddr_in6&>(bound).sin6_port);
  io::close_fd(impl_->listener);
  impl_->listener = fd;
  std::vector<io::EventLoop*> loops;
  for (auto& l : impl_->loops) loops.push_back(l.get());
  impl_->loops.front()->own_listener(fd, loops);
  return actual;
}

int HttpServer::run_until_signal() {
  std::vector<io::EventLoop*> loops;
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
