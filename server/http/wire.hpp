// HTTP/1.1 on the wire: a Request from what Beast's parser read, and a Response's status line and
// headers as bytes. No sockets, no state: connection.cpp owns the bytes' comings and goings.
#pragma once

#include "server/http/message.hpp"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

namespace onb::server::http::wire {

using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

Request to_request(boost::beast::http::request<boost::beast::http::string_body>&& in);

// 1xx, 204 and 304 carry no body and no Content-Length.
bool bodiless(int status);

// Appends the status line and headers of `res` as Beast's serializer wrote them: Server, the handler's
// headers (a CR or LF inside a value becomes a space, so no value ends the head early), Content-Length
// unless the status has no body, Connection when it differs from the version's default.
void append_head(std::string& out, const Response& res, unsigned version, bool keep_alive);

}  // namespace onb::server::http::wire
