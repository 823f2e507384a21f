// The real onboard-server as a child process for the tests: started with arguments, stdout/stderr to
// files, its port read from the "listening" log line, and always killed when the object goes away
// (also when the test process dies: PR_SET_PDEATHSIG). Temporary directories live here too.
// HTTP and assertions do not belong here.
#pragma once

#include "shared/core/json_codec.hpp"

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace onb::test {

using namespace std::chrono_literals;

// Set by main from --server-binary=PATH (CMake passes $<TARGET_FILE:onboard-server>).
std::filesystem::path& server_binary();

// A fresh directory under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& p, std::string_view bytes);
std::string read_file(const std::filesystem::path& p);

class ServerProcess {
 public:
  // Starts server_binary() with `args`; stdout and stderr go to files of its own in log_dir.
  ServerProcess(std::vector<std::string> args, const std::filesystem::path& log_dir);
  ~ServerProcess();  // SIGKILL + reap if still running
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // The port from the first {"event":"listening"} line, or nullopt if the process exits or the
  // timeout passes first.
  std::optional<std::uint16_t> wait_listening(std::chrono::milliseconds timeout = 10'000ms);

  // Sends `signal` and waits for the exit; the exit code, or nullopt on a timeout or a death by signal.
  std::optional<int> stop(int signal, std::chrono::milliseconds timeout = 10'000ms);
  // Waits for an exit without signalling (for processes expected to end by themselves).
  std::optional<int> wait_exit(std::chrono::milliseconds timeout = 10'000ms);

  std::vector<Json> log_lines() const;  // stdout, one JSON value per line
  std::string stdout_text() const;
  std::string stderr_text() const;

 private:
  pid_t pid_ = -1;
  std::filesystem::path out_, err_;
};

// A running server on a free port with the given data file and site directory; REQUIREs it starts.
struct RunningServer {
  RunningServer(const std::filesystem::path& data, const std::filesystem::path& site,
                const std::filesystem::path& log_dir);
  ServerProcess process;
  std::uint16_t port = 0;
};

}  // namespace onb::test
