#include "shared/validation/messages.hpp"
#include "shared/validation/messages_refusals.hpp"

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

// [SECTION] refusals (messages_refusals.hpp)

namespace onb::validation {
namespace {

// Whether `text` is `tpl` with each {name} replaced by some value, the values going into `out`. The
// shortest value that lets the rest match wins; a name used twice must get the same value.
bool match_template(std::string_view tpl, std::string_view text, Params& out) {
  while (!tpl.empty() && tpl.front() != '{') {
    if (text.empty() || text.front() != tpl.front()) return false;
    tpl.remove_prefix(1);
    text.remove_prefix(1);
  }
  if (tpl.empty()) return text.empty();
  const auto close = tpl.find('}');
  if (close == std::string_view::npos) return tpl == text;
  const std::string name(tpl.substr(1, close - 1));
  const auto rest = tpl.substr(close + 1);
  const auto known = out.find(name);
  if (known != out.end())
    return text.substr(0, known->second.size()) == known->second &&
           match_template(rest, text.substr(known->second.size()), out);
  for (std::size_t n = 0; n <= text.size(); ++n) {
    out[name] = std::string(text.substr(0, n));
    if (match_template(rest, text.substr(n), out)) return true;
  }
  out.erase(name);
  return false;
}

}  // namespace

std::string refusal_text(std::string_view key, const Params& params) {
  const auto* m = find_message(key);
  return m ? render_message(m->en, params) : std::string(key);
}

std::string message_in(std::string_view code, const std::string& english, Language language) {
  if (language == Language::en) return english;
  const auto* it = std::lower_bound(std::begin(k_catalogue), std::end(k_catalogue), code,
                                    [](const MessageTemplate& m, std::string_view c) { return m.code < c; });
  for (; it != std::end(k_catalogue) && it->code.substr(0, code.size()) == code; ++it) {
    const auto rest = it->code.substr(code.size());
    if (!rest.empty() && rest.front() != '#') continue;
    Params params;
    if (match_template(it->en, english, params)) return render_message(it->de, params);
  }
  return english;
}

}  // namespace onb::validation
