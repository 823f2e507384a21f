// The queue slice: a list of enrollments, a reviewer's queue or a sales rep's customers (GET
// /v1/enrollments, paged), and a sales rep's way between the list and a new application. Its update is
// update_queue.cpp.
#pragma once

#include "src/app/http_reply.hpp"

#include "shared/core/result.hpp"
#include "shared/protocol/api.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace onb::portal {

// ---- state
// The queue's filters, sent as query parameters: stage=, overdue=true, assignee=me.
struct QueueFilter {
  std::optional<workflow::Stage> stage;
  bool overdue = false;
  bool mine = false;  // assigned to me
};
BOOST_DESCRIBE_STRUCT(QueueFilter, (), (stage, overdue, mine))

// Pages are fetched one after the other, following next_offset, so a long queue fills while it loads
// (the progress is `items.size()` and `pages`). A filter change while a page is on its way marks the
// load `restart`: the late page is dropped and the first page of the new filter asked for.
struct Queue {
  QueueFilter filter;
  std::vector<protocol::EnrollmentSummary> items;
  LoadStatus status = LoadStatus::idle;
  std::uint64_t pages = 0;  // pages received for the current filter
  bool in_flight = false;
  bool restart = false;
  std::optional<Error> error;
};
BOOST_DESCRIBE_STRUCT(Queue, (), (filter, items, status, pages, in_flight, restart, error))

// ---- actions
struct QueueFilterChanged {  // loads the list again from its first page
  QueueFilter filter;
};
struct QueueRefreshClicked {};
struct NewApplicationClicked {};  // a sales rep starts an application for a new customer
struct CustomersClicked {};       // a sales rep goes back to their customers

// ---- the server's replies
struct QueuePageAnswered : HttpReply {};  // GET /v1/enrollments?limit=…&offset=…

using QueueAction =
    std::variant<QueueFilterChanged, QueueRefreshClicked, NewApplicationClicked, CustomersClicked, QueuePageAnswered>;

}  // namespace onb::portal
