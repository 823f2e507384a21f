// The store: actions are queued and applied in order, effects reach the runner, and answers that an
// effect dispatches at once are applied in the same process() call (never re-entrantly).
#include "src/app/store.hpp"
#include "src/app/update.hpp"

#include "../shared/support.hpp"

#include <vector>

using namespace onb::portal;

TEST_CASE("store") {
  std::vector<Effect> ran;
  SUBCASE("dispatch only queues; process applies in order") {
    Store store([&](const Effect& e, const Dispatch&) { ran.push_back(e); }, initial_state());
    store.dispatch(FieldEdited{"/entity/legal_name", "A"});
    store.dispatch(FieldEdited{"/entity/legal_name", "AB"});
    CHECK(store.state().application.entity.legal_name.empty());
    CHECK(store.process() == 2);
    CHECK(store.state().application.entity.legal_name == "AB");
    CHECK(ran.empty());  // not signed in: no draft is written
  }
  SUBCASE("an effect answered synchronously is applied in the same process()") {
    Store store([&](const Effect& e, const Dispatch& dispatch) {
      ran.push_back(e);
      if (const auto* read = std::get_if<ReadStoredText>(&e))
        if (read->key == prefs_key) dispatch(StoredTextRead{read->key, true, R"({"theme":"light","language":"de","font_scale":1.25})"});
    }, initial_state());
    store.dispatcher()(StorageOpened{true, ""});
    CHECK(store.process() == 2);  // opened, prefs read (the session read gets no answer here)
    CHECK(store.state().prefs.theme == Theme::light);
    CHECK(store.state().prefs.language == onb::validation::Language::de);
  }
}
