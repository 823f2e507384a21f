// Result<T> and Error: how every fallible function in onboard reports failure, as a value.
// An Error names the field it is about with a JSON pointer, so the portal, the server and the command
// line show the same message at the same place. Nothing here does I/O or throws on expected failure.
#pragma once

#include <boost/describe.hpp>
#include <boost/system/result.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace onb {

// What kind of "no" an error is. Whoever reacts to an error (the server's HTTP status, the refused
// submission answered with the application's problems) looks at this, never at the code's spelling.
//   invalid             a rule says no to well-formed input (the default)
//   application_invalid a submission the application's own validation errors block
//   malformed           input that is not what the protocol says (syntax, types, fields)
//   unauthenticated, throttled, unavailable, forbidden, not_found, conflict, internal: as they say
BOOST_DEFINE_ENUM_CLASS(ErrorCategory, invalid, application_invalid, malformed, unauthenticated, throttled,
                        unavailable, forbidden, not_found, conflict, internal)

struct Error {
  std::string code;     // stable, dotted, machine-readable: "json.unknown_field", "vat.checksum"
  std::string path;     // JSON pointer (RFC 6901) of the offending value; "" is the whole document
  std::string message;  // for people; English
  // Not described, so not on the wire: clients read the code (and the HTTP status).
  ErrorCategory category = ErrorCategory::invalid;
};
BOOST_DESCRIBE_STRUCT(Error, (), (code, path, message))

inline bool operator==(const Error& a, const Error& b) {
  return a.code == b.code && a.path == b.path && a.message == b.message;
}

// boost::system::result calls this (found by ADL) when value() is used on an error. Reaching it is a
// programming error: callers test the result first. Defined in result.cpp.
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

template <class T>
using Result = boost::system::result<T, Error>;

inline Error make_error(ErrorCategory category, std::string code, std::string path, std::string message) {
  return Error{std::move(code), std::move(path), std::move(message), category};
}

}  // namespace onb
