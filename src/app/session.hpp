// The session slice: signing up, in and out, and who is signed in. Its update is update_session.cpp.
#pragma once

#include "src/app/http_reply.hpp"

#include "shared/core/result.hpp"
#include "shared/protocol/api.hpp"

#include <boost/describe.hpp>

#include <optional>
#include <string>
#include <variant>

namespace onb::portal {

// ---- state
BOOST_DEFINE_ENUM_CLASS(AuthMode, sign_in, sign_up)
BOOST_DEFINE_ENUM_CLASS(AuthStatus, idle, sending, failed)

struct AuthForm {
  AuthMode mode = AuthMode::sign_in;
  std::string email;
  std::string password;  // never stored; cleared once a session exists
  AuthStatus status = AuthStatus::idle;
  std::optional<Error> error;
};
BOOST_DESCRIBE_STRUCT(AuthForm, (), (mode, email, password, status, error))

struct SessionState {
  AuthForm auth;
  std::optional<protocol::SessionView> session;
};
BOOST_DESCRIBE_STRUCT(SessionState, (), (auth, session))

// ---- actions: people's input
struct AuthModeChosen {
  AuthMode mode = AuthMode::sign_in;
};
struct EmailEdited {
  std::string text;
};
struct PasswordEdited {
  std::string text;
};
struct AuthSubmitted {};
struct SignOutClicked {};

// ---- actions: the server's replies (each request names the one its reply becomes)
struct SignUpAnswered : HttpReply {};   // POST /v1/accounts
struct SignInAnswered : HttpReply {};   // POST /v1/sessions
struct SignOutAnswered : HttpReply {};  // DELETE /v1/sessions/current

using SessionAction = std::variant<AuthModeChosen, EmailEdited, PasswordEdited, AuthSubmitted, SignOutClicked,
                                   SignUpAnswered, SignInAnswered, SignOutAnswered>;

}  // namespace onb::portal
