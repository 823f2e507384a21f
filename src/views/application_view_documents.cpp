// The documents step and what surrounds it: attached files (checked by shared/validation from their
// metadata before any upload) with their upload's progress, pause and failure, the consents, the list of what is still missing with a button to attach
// each, and one line saying where the draft and the submission stand.
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/form_fields.hpp"
#include "src/views/style.hpp"

#include "imgui.h"

#include <cstdio>

namespace onb::portal::views {
namespace {

std::string size_text(std::uint64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  else if (bytes >= 1024) std::snprintf(buf, sizeof buf, "%.0f KB", static_cast<double>(bytes) / 1024.0);
  else std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));  // not "0 KB"
  return buf;
}

void status_line(const std::string& text, const ImVec4& colour, const char* test_label) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  test_hooks::name_last_item(test_label);
}

// One line per phase of an upload (src/app/uploads.hpp) for people; "" when the bar says enough.
std::string upload_text(const AppState& s, const Upload& u, Language lang) {
  const std::string resumes =
      u.document_id.empty() ? "" : std::string(" ") + tr("upload_resumes_at", lang) + " " + size_text(u.received) + ".";
  // Offline, every unfinished upload reads the same, whether its retry timer fired or not.
  if (!s.online && upload_pending(u) && u.phase != UploadPhase::storing) return tr("upload_offline", lang) + resumes;
  switch (u.phase) {
    case UploadPhase::storing: return tr("upload_storing", lang);
    case UploadPhase::waiting: return u.document_id.empty() ? tr("upload_waiting", lang) : tr("upload_sending", lang);
    case UploadPhase::announcing:
    case UploadPhase::checking:
    case UploadPhase::sending: return tr("upload_sending", lang);
    case UploadPhase::paused: return tr("upload_retrying", lang) + resumes;
    case UploadPhase::complete: return tr("upload_done", lang);
    case UploadPhase::failed: return std::string(tr("upload_failed", lang)) + " " + (u.error ? u.error->message : "");
  }
  return "";
}

}  // namespace

void upload_row(const AppState& s, const Upload& u, const std::string& name, const Dispatch& dispatch) {
  const Language lang = s.prefs.language;
  const Palette& colours = palette(s.prefs.theme);
  const std::string overlay = size_text(u.phase == UploadPhase::complete ? u.size : u.received) + " / " + size_text(u.size);
  ImGui::ProgressBar(static_cast<float>(upload_progress(u)), ImVec2(form_width() * 0.6f, 0), overlay.c_str());
  test_hooks::name_last_item(("upload:" + name).c_str());
  const bool stopped = u.phase == UploadPhase::paused || (!s.online && upload_pending(u));
  const ImVec4& colour = u.phase == UploadPhase::failed   ? colours.problem
                         : stopped                          ? colours.warning
                         : u.phase == UploadPhase::complete ? colours.ok
                                                            : colours.muted;
  status_line(upload_text(s, u, lang), colour, ("upload_status:" + name).c_str());
  if (upload_pending(u) && !u.bytes_kept && u.phase != UploadPhase::storing)
    status_line(tr("upload_not_kept", lang), colours.muted, ("upload_kept:" + name).c_str());
  if (u.phase != UploadPhase::failed) return;
  const std::string label = std::string(tr("upload_choose_other", lang)) + "##replace_upload:" + name;
  if (ImGui::SmallButton(label.c_str())) dispatch(ReplaceDocumentClicked{boost::describe::enum_to_string(u.type, "other")});
}

void replace_rejected(const AppState& s, const std::string& document_type, const Dispatch& dispatch) {
  ImGui::Indent();
  const std::string label = std::string(tr("replace_document", s.prefs.language)) + "##replace:" + document_type;
  if (ImGui::SmallButton(label.c_str())) dispatch(ReplaceDocumentClicked{document_type});
  for (const Upload& u : s.uploads)
    if (u.replacement && boost::describe::enum_to_string(u.type, "") == document_type)
      upload_row(s, u, "replace:" + u.sha256.substr(0, 12), dispatch);
  ImGui::Unindent();
}

void documents_section(const AppState& s, const Dispatch& dispatch) {
  const FormCtx c{s, dispatch, s.prefs.language};
  field_problems(c, "/documents");
  for (std::size_t i = 0; i < s.application.documents.size(); ++i) {
    const model::Document& d = s.application.documents[i];
    const std::string path = "/documents/" + std::to_string(i);
    const std::string title = value_label(boost::describe::enum_to_string(d.type, "other"), c.lang) + ": " +
                              d.file_name + " (" + size_text(d.size_bytes) + ", " + d.id + ")";
    if (group_heading(c, title, path, true)) return;
    ImGui::Indent();
    edit(c, "type", path + "/type", d.type);
    for (const char* member : {"file_name", "media_type", "size_bytes", "sha256"}) field_problems(c, path + "/" + member);
    edit(c, "issue_date", path + "/issue_date", d.issue_date);
    edit(c, "expiry_date", path + "/expiry_date", d.expiry_date);
    if (const Upload* u = find_upload(s.uploads, d.sha256)) upload_row(s, *u, d.id, dispatch);
    ImGui::Unindent();
  }
  ImGui::Spacing();
  if (ImGui::Button((std::string(tr("attach", c.lang)) + "##attach").c_str())) dispatch(AttachClicked{});
}

void consents_section(const AppState& s, const Dispatch& dispatch) {
  const FormCtx c{s, dispatch, s.prefs.language};
  field_problems(c, "/consents");
  for (const char* name : enumerators<model::ConsentType>()) {
    model::ConsentType type{};
    boost::describe::enum_from_string(name, type);
    bool given = false;
    for (const auto& k : s.application.consents)
      if (k.type == type) given = k.given;
    const std::string label = value_label(name, c.lang) + "##consent:" + name;
    if (ImGui::Checkbox(label.c_str(), &given)) dispatch(ConsentChanged{type, given});
  }
}

void missing_list(const AppState& s, const Dispatch& dispatch) {
  if (s.report.missing.empty()) return;
  const Language lang = s.prefs.language;
  ImGui::TextUnformatted(tr("still_missing", lang));
  for (const auto& m : s.report.missing) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextUnformatted(lang == Language::de ? m.description_de.c_str() : m.description_en.c_str());
    test_hooks::name_last_item(("missing:" + m.requirement_id + ":" + m.path).c_str());
    if (m.accepted_types.empty()) continue;
    ImGui::SameLine();
    const std::string label = std::string(tr("attach_for", lang)) + "##attach:" + m.requirement_id + ":" + m.path;
    if (ImGui::SmallButton(label.c_str()))
      dispatch(AttachClicked{m.accepted_types.front(), m.path == "/documents" ? "" : m.path});
  }
}

void submission_status(const AppState& s) {
  const Language lang = s.prefs.language;
  const Palette& colours = palette(s.prefs.theme);
  std::string draft;
  switch (s.draft) {
    case DraftStatus::saving: draft = tr("draft_saving", lang); break;
    case DraftStatus::saved: draft = tr("draft_saved", lang); break;
    case DraftStatus::restored: draft = tr("draft_restored", lang); break;
    case DraftStatus::save_failed:
    case DraftStatus::unreadable: draft = std::string(tr("draft_failed", lang)) + " " + s.draft_message; break;
    case DraftStatus::storage_unavailable:
      draft = std::string(tr("draft_unavailable", lang)) + " " + s.draft_message;
      break;
    default: break;
  }
  status_line(draft, colours.muted, "status:draft");
  if (s.invite_error)
    status_line(std::string(tr("invite_failed", lang)) + " " + s.invite_error->message, colours.problem, "status:invite");
  const Submission& sub = s.submission;
  const std::string why = sub.error ? " " + sub.error->message : "";
  switch (sub.status) {
    case SubmitStatus::not_sent: break;
    case SubmitStatus::blocked: status_line(tr("submit_blocked", lang), colours.problem, "status:submission"); break;
    case SubmitStatus::queued: status_line(tr("submit_queued", lang), colours.warning, "status:submission"); break;
    case SubmitStatus::sending:
      status_line(tr(s.outbox_held ? "submit_uploading" : "submit_sending", lang), colours.muted, "status:submission");
      break;
    case SubmitStatus::submitted: {
      std::string text = tr("submit_done", lang);
      if (s.enrollment)
        text += std::string(" ") + tr("stage", lang) + ": " +
                value_label(boost::describe::enum_to_string(s.enrollment->stage, ""), lang) + ".";
      status_line(text, colours.ok, "status:submission");
      break;
    }
    case SubmitStatus::invited: {
      const std::string link = s.origin + "/?invite=" + s.invite_token.value_or("");
      status_line(std::string(tr("invite_ready", lang)) + " " + link, colours.ok, "status:submission");
      if (ImGui::Button((std::string(tr("copy_link", lang)) + "##copy_invite").c_str()))
        ImGui::SetClipboardText(link.c_str());
      break;
    }
    case SubmitStatus::rejected:
      status_line(std::string(tr("submit_rejected", lang)) + why, colours.problem, "status:submission");
      break;
    case SubmitStatus::conflict:
      status_line(std::string(tr("submit_conflict", lang)) + why, colours.problem, "status:submission");
      break;
  }
}

}  // namespace onb::portal::views
