// What a JSON request to our own origin answered, as the reply actions of every slice carry it: each
// request effect (SendHttp, effects.hpp) names the action its reply becomes, and the edge fills this in.
#pragma once

#include <boost/describe.hpp>

#include <string>

namespace onb::portal {

struct HttpReply {
  int status = 0;  // 0: no response at all (offline, refused, timed out); body then says why
  std::string body;
};

// Where a load of something from the server stands (a list, a case).
BOOST_DEFINE_ENUM_CLASS(LoadStatus, idle, loading, loaded, failed)

}  // namespace onb::portal
