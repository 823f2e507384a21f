// The portal reducer: each action's effect on state and the effects it asks for. Pure, so these run
// natively and as wasm; the browser edge that executes effects is covered by tests/e2e.
#include "src/app/update.hpp"
#include "src/app/drafts_api.hpp"

#include "shared/core/json_codec.hpp"

#include "../shared/support.hpp"

#include <initializer_list>

using namespace onb::portal;

namespace {

AppState apply(AppState s, std::initializer_list<Action> actions) {
  for (const auto& a : actions) s = update(std::move(s), a).state;
  return s;
}

std::vector<std::string> shown(const AppState& s, const std::string& path) {
  std::vector<std::string> codes;
  for (const auto* p : visible_problems(s, path)) codes.push_back(p->code);
  return codes;
}

template <class E>
const E& only_effect(const Step& step) {
  REQUIRE(step.effects.size() == 1);
  const E* e = std::get_if<E>(&step.effects[0]);
  REQUIRE(e != nullptr);
  return *e;
}

const AppState storage_ready = apply({}, {StorageOpened{true, ""}});

}  // namespace

TEST_CASE("form edits keep any script byte for byte and revalidate as the applicant types") {
  SUBCASE("names in Latin, Greek and Cyrillic") {
    for (const char* name : {"Société Générale", "Ελληνική Εταιρεία", "ООО Ромашка"}) {
      const AppState s = apply({}, {LegalNameEdited{name}});
      CHECK(s.form.legal_name == name);
      CHECK(s.form_edited);
      CHECK(shown(s, "/legal_name").empty());
    }
  }
  SUBCASE("problems show only for touched fields") {
    const AppState s = apply({}, {LegalNameEdited{"   "}});
    CHECK(shown(s, "/legal_name") == std::vector<std::string>{"legal_name.required"});
    CHECK(shown(s, "/country").empty());  // required, but not touched yet
    CHECK(s.problems.size() == 2);        // the state still knows every problem
  }
  SUBCASE("a bad VAT prefix appears and disappears when fixed") {
    AppState s =
        apply({}, {LegalNameEdited{"Société Générale"}, CountryChosen{"FR"}, VatNumberEdited{"DE40303265045"}});
    CHECK(shown(s, "/vat_number") == std::vector<std::string>{"vat.country_mismatch"});
    s = apply(std::move(s), {VatNumberEdited{"FR40303265045"}});
    CHECK(s.problems.empty());
  }
  SUBCASE("choosing a country re-checks a VAT number typed earlier") {
    AppState s = apply({}, {VatNumberEdited{"FR40303265045"}});
    CHECK(shown(s, "/vat_number").empty());
    s = apply(std::move(s), {CountryChosen{"DE"}});
    CHECK(shown(s, "/vat_number") == std::vector<std::string>{"vat.country_mismatch"});
  }
}

TEST_CASE("draft storage") {
  SUBCASE("opening storage asks for the saved draft") {
    const Step step = update({}, StorageOpened{true, ""});
    CHECK(step.state.draft == DraftStatus::no_draft);
    CHECK(only_effect<ReadStoredText>(step).key == draft_key);
  }
  SUBCASE("storage that cannot open says why and disables saving") {
    const AppState s = apply({}, {StorageOpened{false, "IndexedDB blocked"}});
    CHECK(s.draft == DraftStatus::storage_unavailable);
    CHECK(s.draft_message == "IndexedDB blocked");
    CHECK(update(s, SaveDraftClicked{}).effects.empty());
  }
  SUBCASE("saving writes the form as JSON that reads back equal") {
    const AppState typed = apply(storage_ready, {LegalNameEdited{"ООО Ромашка"}, CountryChosen{"RU"}});
    const Step step = update(typed, SaveDraftClicked{});
    CHECK(step.state.draft == DraftStatus::saving);
    const auto& write = only_effect<WriteStoredText>(step);
    CHECK(write.key == draft_key);
    const auto back = onb::decode_text<onb::model::CompanyBasics>(write.text);
    REQUIRE(back.has_value());
    CHECK(back->legal_name == "ООО Ромашка");
    CHECK(back->country == "RU");
    CHECK(apply(step.state, {StoredTextWritten{draft_key, true, ""}}).draft == DraftStatus::saved);
    const AppState failed = apply(step.state, {StoredTextWritten{draft_key, false, "quota exceeded"}});
    CHECK(failed.draft == DraftStatus::save_failed);
    CHECK(failed.draft_message == "quota exceeded");
  }
  SUBCASE("a saved draft is restored and its problems shown") {
    const AppState s = apply(storage_ready, {StoredTextRead{draft_key, true,
                                                            R"({"legal_name":"Ελληνική Εταιρεία","country":"GR",)"
                                                            R"("vat_number":"GR094259216"})"}});
    CHECK(s.draft == DraftStatus::restored);
    CHECK(s.form.legal_name == "Ελληνική Εταιρεία");
    CHECK(shown(s, "/vat_number") == std::vector<std::string>{"vat.country_mismatch"});
    CHECK_FALSE(s.form_edited);
  }
  SUBCASE("no draft, an unreadable draft, and a draft arriving after the applicant typed") {
    CHECK(apply(storage_ready, {StoredTextRead{draft_key, false, ""}}).draft == DraftStatus::no_draft);
    const AppState bad = apply(storage_ready, {StoredTextRead{draft_key, true, R"({"legal_name":1})"}});
    CHECK(bad.draft == DraftStatus::unreadable);
    CHECK_FALSE(bad.draft_message.empty());
    CHECK(bad.form.legal_name.empty());
    const AppState typed = apply(
        storage_ready, {LegalNameEdited{"Mine"},
                        StoredTextRead{draft_key, true, R"({"legal_name":"Old","country":"DE","vat_number":""})"}});
    CHECK(typed.form.legal_name == "Mine");
  }
}

TEST_CASE("submission to POST /v1/drafts") {
  const AppState typed =
      apply({}, {LegalNameEdited{"Société Générale"}, CountryChosen{"FR"}, VatNumberEdited{"FR 40 303 265 045"}});
  const Step sent = update(typed, SubmitClicked{});
  CHECK(sent.state.submission.status == SubmitStatus::sending);
  const auto& request = only_effect<SendHttp>(sent);

  SUBCASE("the request carries the form as JSON") {
    CHECK(request.method == "POST");
    CHECK(request.path == "/v1/drafts");
    CHECK(onb::decode_text<onb::model::CompanyBasics>(request.body)->legal_name == "Société Générale");
  }
  SUBCASE("one request at a time") { CHECK(update(sent.state, SubmitClicked{}).effects.empty()); }
  SUBCASE("201: the stored id and the server's problems") {
    const DraftReply created{"d_42", typed.form, {}};
    const AppState s = apply(sent.state, {HttpResponded{HttpCall::create_draft, 201, onb::encode(created).dump()}});
    CHECK(s.submission.status == SubmitStatus::stored);
    CHECK(s.submission.draft_id == "d_42");
    CHECK_FALSE(s.submission.error.has_value());
  }
  SUBCASE("400: the server's error as it sent it") {
    const onb::Error err{"json.type", "/country", "expected string, got integer"};
    const AppState s = apply(sent.state, {HttpResponded{HttpCall::create_draft, 400, onb::encode(err).dump()}});
    CHECK(s.submission.status == SubmitStatus::rejected);
    REQUIRE(s.submission.error.has_value());
    CHECK(*s.submission.error == err);
  }
  SUBCASE("replies the portal cannot read are errors, not silence") {
    AppState s = apply(sent.state, {HttpResponded{HttpCall::create_draft, 502, "<html>Bad gateway</html>"}});
    CHECK(s.submission.status == SubmitStatus::rejected);
    CHECK(s.submission.error->code == "http.502");
    s = apply(sent.state, {HttpResponded{HttpCall::create_draft, 201, R"({"id":7})"}});
    CHECK(s.submission.error->code == "portal.bad_reply");
    CHECK(s.submission.error->path == "/id");
  }
  SUBCASE("no answer at all") {
    const AppState s = apply(sent.state, {HttpResponded{HttpCall::create_draft, 0, "offline"}});
    CHECK(s.submission.status == SubmitStatus::unreachable);
    CHECK(s.submission.error->code == "portal.unreachable");
  }
  SUBCASE("editing after a reply clears it, editing while sending does not") {
    const AppState stored =
        apply(sent.state,
              {HttpResponded{HttpCall::create_draft, 201, onb::encode(DraftReply{"d_1", typed.form, {}}).dump()}});
    CHECK(apply(stored, {LegalNameEdited{"X"}}).submission.status == SubmitStatus::not_sent);
    CHECK(apply(sent.state, {LegalNameEdited{"X"}}).submission.status == SubmitStatus::sending);
  }
}

TEST_CASE("platform reports") {
  CHECK(apply({}, {FontLoaded{true}}).font == FontStatus::ready);
  CHECK(apply({}, {FontLoaded{false}}).font == FontStatus::failed);
  const AppState s = apply({}, {ViewportChanged{{800, 600, 2}}});
  CHECK(s.viewport.pixel_ratio == 2);
  CHECK(s.viewport.width == 800);
}
