// The store: actions are queued and applied in order, effects reach the runner, and answers that an
// effect dispatches at once are applied in the same process() call (never re-entrantly).
#include "src/app/store.hpp"

#include "../shared/support.hpp"

#include <vector>

using namespace onb::portal;

TEST_CASE("store") {
  std::vector<Effect> ran;
  SUBCASE("dispatch only queues; process applies in order") {
    Store store([&](const Effect& e, const Dispatch&) { ran.push_back(e); });
    store.dispatch(LegalNameEdited{"A"});
    store.dispatch(LegalNameEdited{"AB"});
    CHECK(store.state().form.legal_name.empty());
    CHECK(store.process() == 2);
    CHECK(store.state().form.legal_name == "AB");
    CHECK(ran.empty());
  }
  SUBCASE("an effect answered synchronously is applied in the same process()") {
    Store store([&](const Effect& e, const Dispatch& dispatch) {
      ran.push_back(e);
      if (const auto* read = std::get_if<ReadStoredText>(&e))
        dispatch(StoredTextRead{read->key, true, R"({"legal_name":"ООО Ромашка","country":"RU","vat_number":""})"});
    });
    store.dispatcher()(StorageOpened{true, ""});
    CHECK(store.process() == 2);
    CHECK(ran.size() == 1);
    CHECK(store.state().draft == DraftStatus::restored);
    CHECK(store.state().form.legal_name == "ООО Ромашка");
  }
}
