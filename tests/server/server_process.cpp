#include "server_process.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace onb::test {
namespace {

constexpr auto poll_interval = 20ms;

// Each process logs to its own files: a restarted server must never be read through its
// predecessor's "listening" line.
int next_log_number() {
  static std::atomic<int> n{0};
  return ++n;
}

// Exec in the child: only async-signal-safe calls between fork and exec (the test is multi-threaded).
[[noreturn]] void exec_child(const char* binary, char* const* argv, const char* out, const char* err) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // a crashed or killed test never leaves a server behind
  const int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (o < 0 || e < 0) _exit(127);
  dup2(o, STDOUT_FILENO);
  dup2(e, STDERR_FILENO);
  execv(binary, argv);
  _exit(127);
}

}  // namespace

std::filesystem::path& server_binary() {
  static std::filesystem::path path;
  return path;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "onb-server-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::filesystem::path& p, std::string_view bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ServerProcess::ServerProcess(std::vector<std::string> args, const std::filesystem::path& log_dir)
    : out_(log_dir / ("server-" + std::to_string(next_log_number()) + ".out")),
      err_(std::filesystem::path(out_).replace_extension(".err")) {
  const std::string binary = server_binary().string();
  REQUIRE_MESSAGE(!binary.empty(), "run server_tests with --server-binary=PATH");
  std::vector<std::string> all{binary};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string out = out_.string(), err = err_.string();
  pid_ = fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) exec_child(binary.c_str(), argv.data(), out.c_str(), err.c_str());
}

ServerProcess::~ServerProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
}

std::optional<std::uint16_t> ServerProcess::wait_listening(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    for (const auto& line : log_lines())
      if (line.is_object() && line.value("event", "") == "listening" && line.contains("port"))
        return line["port"].get<std::uint16_t>();
    int status = 0;
    if (pid_ > 0 && waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;  // exited before listening; stderr_text() says why
      return std::nullopt;
    }
    std::this_thread::sleep_for(poll_interval);
  }
  return std::nullopt;
}

std::optional<int> ServerProcess::wait_exit(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return std::nullopt;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      return std::nullopt;
    }
    std::this_thread::sleep_for(poll_interval);
  }
  return std::nullopt;  // still running: the destructor kills it
}

std::optional<int> ServerProcess::stop(int signal, std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return std::nullopt;
  kill(pid_, signal);
  return wait_exit(timeout);
}

std::vector<Json> ServerProcess::log_lines() const {
  std::vector<Json> lines;
  std::istringstream in(read_file(out_));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(Json::parse(line, nullptr, false));
  return lines;
}

std::string ServerProcess::stderr_text() const { return read_file(err_); }

std::string ServerProcess::stdout_text() const { return read_file(out_); }

RunningServer::RunningServer(const std::filesystem::path& data, const std::filesystem::path& site,
                             const std::filesystem::path& log_dir)
    : process({"--port", "0", "--data", data.string(), "--site", site.string()}, log_dir) {
  const auto p = process.wait_listening();
  REQUIRE_MESSAGE(p.has_value(), "the server did not start: " << process.stderr_text());
  port = *p;
}

}  // namespace onb::test
