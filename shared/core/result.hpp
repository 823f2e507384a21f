// Result<T> and Error: how every fallible function in onboard reports failure, as a value.
// An Error names the field it is about with a JSON pointer, so the portal, the server and the command
// line show the same message at the same place. Nothing here does I/O or throws on expected failure.
#pragma once

#include <boost/describe.hpp>
#include <boost/system/result.hpp>

#include <string>
#include <utility>

namespace onb {

struct Error {
  std::string code;     // stable, dotted, machine-readable: "json.unknown_field", "vat.checksum"
  std::string path;     // JSON pointer (RFC 6901) of the offending value; "" is the whole document
  std::string message;  // for people; English
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

inline Error make_error(std::string code, std::string path, std::string message) {
  return Error{std::move(code), std::move(path), std::move(message)};
}

}  // namespace onb
