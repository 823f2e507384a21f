#include "shared/validation/messages.hpp"

#include <algorithm>

namespace onb::validation {
namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;

constexpr MessageTemplate k_catalogue[] = {
#include "shared/validation/messages_catalogue.inc"
};

}  // namespace

std::span<const MessageTemplate> message_catalogue() { return k_catalogue; }

const MessageTemplate* find_message(std::string_view code) {
  const auto* it = std::lower_bound(std::begin(k_catalogue), std::end(k_catalogue), code,
                                    [](const MessageTemplate& m, std::string_view c) { return m.code < c; });
  return it != std::end(k_catalogue) && it->code == code ? it : nullptr;
}

std::string render_message(std::string_view text, const Params& params, bool* complete) {
  if (complete) *complete = true;
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    const auto close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += text[i++];
      continue;
    }
    const auto it = params.find(std::string(text.substr(i + 1, close - i - 1)));
    if (it != params.end())
      out += it->second;
    else {
      out += text.substr(i, close - i + 1);
      if (complete) *complete = false;
    }
    i = close + 1;
  }
  return out;
}

std::string message_in(const Problem& p, Language language) {
  const auto* m = find_message(p.code);
  if (!m) return p.message;
  bool complete = true;
  auto text = render_message(language == Language::de ? m->de : m->en, p.params, &complete);
  return complete ? text : p.message;
}

Problem make_problem(std::string path, std::string_view code, Params params) {
  const auto* m = find_message(code);
  Problem p{std::move(path), std::string(code), m ? m->severity : Severity::error, "", std::move(params)};
  p.message = m ? render_message(m->en, p.params) : p.code;
  return p;
}

}  // namespace onb::validation
