// The customer's formal confirmation once the enrollment is active: customer number, approved credit
// limit with currency, payment terms, invoicing channel, activation date — in the status screen, and
// alone on a white page for printing (light theme whatever the person chose, no top bar).
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/style.hpp"
#include "src/views/texts.hpp"

#include "imgui.h"

namespace onb::portal::views {
namespace {

// 250000 -> "250,000" (English) / "250.000" (German): whole units, as decided.
std::string grouped(std::int64_t n, Language lang) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  const char sep = lang == Language::de ? '.' : ',';
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), 1, sep);
  return (n < 0 ? "-" : "") + digits;
}

void line(const char* key, const std::string& value, Language lang, const std::string& test_label) {
  ImGui::TextUnformatted(tr(key, lang));
  ImGui::SameLine(label_column());
  ImGui::TextUnformatted(value.c_str());
  test_hooks::name_last_item(test_label.c_str());
}

// The activation date comes last: screenshots of the confirmation stop above it (it changes daily).
void body(const AppState& s, const workflow::Confirmation& c, Language lang) {
  ImGui::TextUnformatted(tr("confirmation_title", lang));
  test_hooks::name_last_item("confirmation:title");
  ImGui::Separator();
  if (!s.application.entity.legal_name.empty()) line("col_company", s.application.entity.legal_name, lang, "confirmation:company");
  line("customer_number", c.customer_number, lang, "confirmation:customer_number");
  line("credit_limit", grouped(c.credit_limit, lang) + " " + c.currency, lang, "confirmation:credit_limit");
  line("payment_terms", std::to_string(c.payment_terms_days) + " " + tr("days_net", lang), lang,
       "confirmation:payment_terms");
  line("invoicing_channel", value_label(boost::describe::enum_to_string(c.invoicing_channel, ""), lang), lang,
       "confirmation:invoicing_channel");
  line("activated_on", c.activated_at.substr(0, 10), lang, "confirmation:activated_on");
}

}  // namespace

void confirmation_section(const AppState& s, const Dispatch& dispatch) {
  if (!s.status || !s.status->confirmation) return;
  const Language lang = s.prefs.language;
  ImGui::Spacing();
  body(s, *s.status->confirmation, lang);
  if (ImGui::Button((std::string(tr("printable_view", lang)) + "##printable").c_str())) dispatch(PrintableToggled{true});
  ImGui::Separator();
}

void printable_view(const AppState& s, const Dispatch& dispatch) {
  if (!s.status || !s.status->confirmation) return;
  const Language lang = s.prefs.language;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) dispatch(PrintableToggled{false});
  if (ImGui::Button((std::string(tr("print", lang)) + "##print").c_str()))
    dispatch(PrintClicked{ImGui::GetItemRectMax().y + ImGui::GetStyle().ItemSpacing.y});
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr("close", lang)) + "##close_printable").c_str())) dispatch(PrintableToggled{false});
  ImGui::Spacing();
  body(s, *s.status->confirmation, lang);
}

}  // namespace onb::portal::views
