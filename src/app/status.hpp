// The status slice: what a customer sees once the application left the draft (GET …/timeline), their
// answer to a reviewer's questions, and the printable confirmation. Its update is the customer-status
// section of update_submit.cpp and update_confirmation.cpp.
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
struct StatusState {
  std::optional<workflow::CustomerStatus> status;
  std::string answer;                 // the reply to a reviewer's questions, being typed
  std::optional<Error> status_error;  // why the status or an answer could not be loaded or sent
  bool printable = false;             // the confirmation is shown alone, print-friendly
};
BOOST_DESCRIBE_STRUCT(StatusState, (), (status, answer, status_error, printable))

// ---- actions
struct AnswerEdited {  // the reply to a reviewer's questions
  std::string text;
};
struct AnswerSent {};
struct StatusRefreshClicked {};
struct PrintableToggled {  // the confirmation alone, print-friendly, or back
  bool on = false;
};
struct PrintClicked {
  double top = 0;  // CSS pixels of the canvas above the confirmation (its toolbar), left out of the print
};

// ---- the server's replies
struct TimelineAnswered : HttpReply {};     // GET …/timeline
struct ProvideInfoAnswered : HttpReply {};  // POST …/events {kind: info_provided}

using StatusAction = std::variant<AnswerEdited, AnswerSent, StatusRefreshClicked, PrintableToggled, PrintClicked,
                                  TimelineAnswered, ProvideInfoAnswered>;

}  // namespace onb::portal
