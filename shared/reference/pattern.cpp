#include "shared/reference/pattern.hpp"

#include <bitset>
#include <cstddef>
#include <vector>

namespace onb::reference {

// The pattern as a tree: a group is a list of alternatives, each a sequence of quantified nodes.
struct Node {
  enum class Kind { set, group } kind = Kind::set;
  std::bitset<128> chars;  // Kind::set: the accepted ASCII characters (a literal is a one-element set)
  std::size_t group = 0;   // Kind::group: index into Pattern::Impl::groups
  int min = 1;
  int max = 1;
};
using Sequence = std::vector<Node>;

struct Pattern::Impl {
  std::vector<std::vector<Sequence>> groups;  // groups[0] is the whole pattern
};

namespace {

constexpr int k_max_repeat = 64;  // '*' and '+' are bounded: inputs are short and this bounds backtracking

// A non-owning callable reference: continuations without std::function's allocation.
class Next {
 public:
  template <class F>
  Next(const F& f) : obj_(&f), call_([](const void* o, std::size_t p) { return (*static_cast<const F*>(o))(p); }) {}
  bool operator()(std::size_t pos) const { return call_(obj_, pos); }

 private:
  const void* obj_;
  bool (*call_)(const void*, std::size_t);
};

class Parser {
 public:
  Parser(std::string_view src, Pattern::Impl& out) : src_(src), out_(out) {}

  bool parse_all() {
    parse_group();
    return ok_ && i_ == src_.size();
  }

 private:
  std::size_t parse_group() {
    const std::size_t id = out_.groups.size();
    out_.groups.emplace_back();
    // Parse before indexing: a nested group grows `groups` and would leave a reference dangling.
    auto first = parse_sequence();
    out_.groups[id].push_back(std::move(first));
    while (ok_ && i_ < src_.size() && src_[i_] == '|') {
      ++i_;
      auto seq = parse_sequence();
      out_.groups[id].push_back(std::move(seq));
    }
    return id;
  }

  Sequence parse_sequence() {
    Sequence seq;
    while (ok_ && i_ < src_.size() && src_[i_] != '|' && src_[i_] != ')') {
      Node n = parse_atom();
      parse_quantifier(n);
      seq.push_back(std::move(n));
    }
    return seq;
  }

  Node parse_atom() {
    Node n;
    const char c = src_[i_++];
    if (c == '(') {
      if (src_.substr(i_, 2) == "?:") i_ += 2;
      n.kind = Node::Kind::group;
      n.group = parse_group();
      ok_ = ok_ && i_ < src_.size() && src_[i_] == ')';
      ++i_;
    } else if (c == '[') {
      parse_class(n.chars);
    } else if (c == '\\') {
      escape(n.chars);
    } else if (c == '.') {
      n.chars.set();
    } else if (c == '*' || c == '+' || c == '?' || c == '{' || c == ']' || static_cast<unsigned char>(c) >= 128) {
      ok_ = false;
    } else {
      n.chars.set(static_cast<unsigned char>(c));
    }
    return n;
  }

  void escape(std::bitset<128>& set) {
    if (i_ >= src_.size()) {
      ok_ = false;
      return;
    }
    const char e = src_[i_++];
    if (e == 'd')
      for (char d = '0'; d <= '9'; ++d) set.set(static_cast<unsigned char>(d));
    else if (e == 's')
      for (char w : {' ', '\t', '\n', '\r', '\f', '\v'}) set.set(static_cast<unsigned char>(w));
    else if (static_cast<unsigned char>(e) < 128)
      set.set(static_cast<unsigned char>(e));
    else
      ok_ = false;
  }

  void parse_class(std::bitset<128>& set) {
    const bool negate = i_ < src_.size() && src_[i_] == '^';
    if (negate) ++i_;
    while (ok_ && i_ < src_.size() && src_[i_] != ']') {
      if (src_[i_] == '\\') {
        ++i_;
        escape(set);
        continue;
      }
      const auto lo = static_cast<unsigned char>(src_[i_++]);
      unsigned char hi = lo;
      if (i_ + 1 < src_.size() && src_[i_] == '-' && src_[i_ + 1] != ']') {
        hi = static_cast<unsigned char>(src_[i_ + 1]);
        i_ += 2;
      }
      if (hi >= 128 || hi < lo) {
        ok_ = false;
        return;
      }
      for (unsigned c = lo; c <= hi; ++c) set.set(c);
    }
    ok_ = ok_ && i_ < src_.size();
    ++i_;
    if (negate) set.flip();
  }

  void parse_quantifier(Node& n) {
    if (i_ >= src_.size()) return;
    const char q = src_[i_];
    if (q == '?') {
      n.min = 0;
      n.max = 1;
      ++i_;
    } else if (q == '*') {
      n.min = 0;
      n.max = k_max_repeat;
      ++i_;
    } else if (q == '+') {
      n.min = 1;
      n.max = k_max_repeat;
      ++i_;
    } else if (q == '{')
      parse_braces(n);
  }

  void parse_braces(Node& n) {
    ++i_;
    n.min = number();
    n.max = n.min;
    if (i_ < src_.size() && src_[i_] == ',') {
      ++i_;
      n.max = i_ < src_.size() && src_[i_] == '}' ? k_max_repeat : number();
    }
    ok_ = ok_ && i_ < src_.size() && src_[i_] == '}' && n.min >= 0 && n.min <= n.max && n.max <= k_max_repeat;
    ++i_;
  }

  int number() {
    int v = 0;
    const std::size_t start = i_;
    while (i_ < src_.size() && src_[i_] >= '0' && src_[i_] <= '9' && v < 1000) v = v * 10 + (src_[i_++] - '0');
    if (i_ == start) ok_ = false;
    return v;
  }

  std::string_view src_;
  Pattern::Impl& out_;
  std::size_t i_ = 0;
  bool ok_ = true;
};

struct Matcher {
  const Pattern::Impl& p;
  std::string_view s;

  bool one(const Node& n, std::size_t pos, Next next) const {
    if (n.kind == Node::Kind::set) {
      if (pos >= s.size()) return false;
      const auto c = static_cast<unsigned char>(s[pos]);
      return c < 128 && n.chars.test(c) && next(pos + 1);
    }
    for (const Sequence& alt : p.groups[n.group])
      if (sequence(alt, 0, pos, next)) return true;
    return false;
  }

  // Greedy: one more repetition first, then stop. A repetition that consumed nothing ends the loop.
  bool repeat(const Node& n, int done, std::size_t pos, Next next) const {
    if (done < n.max) {
      auto more = [&](std::size_t q) { return q != pos && repeat(n, done + 1, q, next); };
      if (one(n, pos, more)) return true;
    }
    return done >= n.min && next(pos);
  }

  bool sequence(const Sequence& seq, std::size_t k, std::size_t pos, Next next) const {
    if (k == seq.size()) return next(pos);
    auto rest = [&](std::size_t q) { return sequence(seq, k + 1, q, next); };
    return repeat(seq[k], 0, pos, rest);
  }
};

}  // namespace

Pattern::Pattern(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pattern::~Pattern() = default;

std::unique_ptr<Pattern> Pattern::compile(std::string_view source) {
  auto impl = std::make_unique<Impl>();
  Parser parser(source, *impl);
  if (!parser.parse_all()) return nullptr;
  return std::unique_ptr<Pattern>(new Pattern(std::move(impl)));
}

bool Pattern::full_match(std::string_view input) const {
  const Matcher m{*impl_, input};
  auto at_end = [&](std::size_t pos) { return pos == input.size(); };
  for (const Sequence& alt : impl_->groups[0])
    if (m.sequence(alt, 0, 0, at_end)) return true;
  return false;
}

}  // namespace onb::reference
