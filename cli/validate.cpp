// `onboard validate FILE...`: the offline check a sales rep or an integrator runs before submitting.
// This file is the edge: it reads files, the policy and the clock; the rules are shared/validation.
// Output: one JSON object per file and line. Exit 0 all valid, 1 any errors, 2 unreadable input.
#include "cli/command.hpp"
#include "shared/core/json_codec.hpp"
#include "shared/model/application.hpp"
#include "shared/validation/application.hpp"
#include "shared/validation/messages.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <istream>
#include <optional>
#include <ostream>
#include <sstream>

namespace onb::cli {
namespace {

// Where the policy lives when neither --policy nor ONB_POLICY says: relative to the working directory
// (running from the repository root), then in the source tree this file was compiled from (__FILE__
// is absolute in our CMake builds), so a binary in build/ also works from elsewhere.
constexpr const char* k_default_policy = "assets/policy/documents-v1.json";

std::string source_tree_policy() {
  std::string here = __FILE__;
  const auto cut = here.rfind("cli/validate.cpp");
  return cut == std::string::npos ? std::string() : here.substr(0, cut) + k_default_policy;
}

// What one line of output carries; the problem's message in the language asked for.
struct OutputProblem {
  std::string path;
  std::string code;
  validation::Severity severity = validation::Severity::error;
  std::string message;
};
BOOST_DESCRIBE_STRUCT(OutputProblem, (), (path, code, severity, message))

struct OutputLine {
  std::string file;
  bool valid = false;
  int completeness = 0;
  std::vector<OutputProblem> problems;
};
BOOST_DESCRIBE_STRUCT(OutputLine, (), (file, valid, completeness, problems))

struct Options {
  std::vector<std::string> files;
  std::optional<std::string> policy;
  std::optional<std::string> today;
  validation::Language language = validation::Language::en;
};

std::optional<std::string> read_all(const std::string& name, std::istream& stdin_stream) {
  std::ostringstream s;
  if (name == "-") {
    s << stdin_stream.rdbuf();
    return s.str();
  }
  std::ifstream in(name, std::ios::binary);
  if (!in) return std::nullopt;
  s << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return s.str();
}

Date system_today() {
  const auto now = std::chrono::system_clock::now();
  return date_of(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

std::optional<Options> parse_args(std::span<const std::string> args, std::ostream& err) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if ((a == "--policy" || a == "--today" || a == "--lang") && !has_value) {
      err << "onboard validate: " << a << " needs a value\n";
      return std::nullopt;
    }
    if (a == "--policy")
      o.policy = args[++i];
    else if (a == "--today")
      o.today = args[++i];
    else if (a == "--lang") {
      if (!boost::describe::enum_from_string(args[++i].c_str(), o.language)) {
        err << "onboard validate: --lang is en or de\n";
        return std::nullopt;
      }
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      err << "onboard validate: unknown option " << a << "\n";
      return std::nullopt;
    } else
      o.files.push_back(a);
  }
  if (o.files.empty()) {
    err << "usage: onboard validate [--policy FILE] [--today YYYY-MM-DD] [--lang en|de] FILE... (- reads stdin)\n";
    return std::nullopt;
  }
  return o;
}

std::optional<model::DocumentPolicy> load_policy(const Options& o, std::istream& in, std::ostream& err) {
  std::string path;
  if (o.policy)
    path = *o.policy;
  else if (const char* env = std::getenv("ONB_POLICY"))
    path = env;
  else if (std::ifstream(k_default_policy) || source_tree_policy().empty())
    path = k_default_policy;
  else
    path = source_tree_policy();
  const auto text = read_all(path, in);
  if (!text) {
    err << "onboard validate: cannot read the policy " << path << " (use --policy or ONB_POLICY)\n";
    return std::nullopt;
  }
  auto policy = decode_text<model::DocumentPolicy>(*text);
  if (!policy) {
    err << "onboard validate: policy " << path << ": " << policy.error().path << " " << policy.error().message << "\n";
    return std::nullopt;
  }
  return *policy;
}

OutputLine check_text(const std::string& file, const std::string& text, const model::DocumentPolicy& policy, Date today,
                      validation::Language language) {
  OutputLine line{file};
  const auto app = decode_text<model::Application>(text);
  if (!app) {
    // JSON that does not decode is reported like a validation problem, at the path the decoder names.
    line.problems.push_back({app.error().path, app.error().code, validation::Severity::error, app.error().message});
    return line;
  }
  const auto report = validation::validate_application(*app, policy, today);
  line.valid = validation::is_valid(report);
  line.completeness = report.completeness;
  for (const auto& p : report.problems)
    line.problems.push_back({p.path, p.code, p.severity, validation::message_in(p, language)});
  return line;
}

int run_validate(std::span<const std::string> args, Io io) {
  const auto options = parse_args(args, io.err);
  if (!options) return 2;
  std::optional<Date> today = options->today ? parse_date(*options->today) : system_today();
  if (!today) {
    io.err << "onboard validate: --today must be YYYY-MM-DD\n";
    return 2;
  }
  const auto policy = load_policy(*options, io.in, io.err);
  if (!policy) return 2;
  int exit_code = 0;
  for (const auto& file : options->files) {
    const auto text = read_all(file, io.in);
    if (!text) {
      io.err << "onboard validate: cannot read " << file << "\n";
      exit_code = 2;
      continue;
    }
    const auto line = check_text(file, *text, *policy, *today, options->language);
    // encode_text, not dump(): a file name or a syntax error's message may quote bytes that are not
    // UTF-8 (hostile input), which dump() would throw on; encode_text writes them as U+FFFD.
    io.out << encode_text(line) << "\n";
    if (!line.valid && exit_code == 0) exit_code = 1;
  }
  return exit_code;
}

const bool registered =
    register_command({"validate", "validate [--policy FILE] [--today YYYY-MM-DD] [--lang en|de] FILE...",
                      "check applications offline; one JSON line per file", run_validate});

}  // namespace
}  // namespace onb::cli
