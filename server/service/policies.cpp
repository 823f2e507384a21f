#include "server/service/policies.hpp"

#include "shared/core/json_codec.hpp"

#include <fstream>
#include <sstream>

namespace onb::server::service {
namespace {

Result<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCategory::invalid, "policy.read", path, "cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return Result<std::string>(boost::system::in_place_value, ss.str());
}

}  // namespace

Result<Policies> load_policies(const std::string& dir) {
  Policies p;
  auto wf = read_text(dir + "/workflow-v1.json");
  if (!wf) return wf.error();
  auto docs = read_text(dir + "/documents-v1.json");
  if (!docs) return docs.error();
  auto workflow = workflow::parse_policy(*wf);
  if (!workflow) return make_error(workflow.error().category, workflow.error().code, dir + "/workflow-v1.json" + workflow.error().path, workflow.error().message);
  auto documents = onb::decode_text<model::DocumentPolicy>(*docs);
  if (!documents)
    return make_error(documents.error().category, documents.error().code, dir + "/documents-v1.json" + documents.error().path, documents.error().message);
  return Policies{std::move(*workflow), std::move(*documents), std::move(*wf), std::move(*docs)};
}

}  // namespace onb::server::service
