// The portal's views: functions of (const AppState&) that draw one ImGui frame and dispatch actions.
// They read state and report input; rules and decisions live in src/app and shared/, never here.
#pragma once

#include "src/app/actions.hpp"
#include "src/app/state.hpp"

namespace onb::portal::views {

// The whole window: top bar (language, theme, font size, sign out), offline banner, and the screen.
// The one window every screen is drawn in (the page); named for the platform's keyboard navigation.
inline constexpr const char* page_window = "Onboarding";
void portal_view(const AppState& state, const Dispatch& dispatch);

// [sign_in_view.cpp] E-mail and password; sign in or create an account.
void sign_in_view(const AppState& state, const Dispatch& dispatch);

// [application_view.cpp] Steps, completeness, the current step's form, Back / Next / Submit.
void application_view(const AppState& state, const Dispatch& dispatch);

// [application_view_documents.cpp]
void documents_section(const AppState& state, const Dispatch& dispatch);
void consents_section(const AppState& state, const Dispatch& dispatch);
void missing_list(const AppState& state, const Dispatch& dispatch);
void submission_status(const AppState& state);
// One upload's progress bar and what it is doing (paused offline, failed, done); `name` labels it for tests.
void upload_row(const AppState& state, const Upload& upload, const std::string& name, const Dispatch& dispatch);
// Under a document a reviewer rejected: a button to pick its replacement, and the replacement's upload.
void replace_rejected(const AppState& state, const std::string& document_type, const Dispatch& dispatch);

// [status_view.cpp] Stage, timeline with dates, pending items and a box to answer questions.
void status_view(const AppState& state, const Dispatch& dispatch);

// [confirmation_view.cpp] Once active: the formal confirmation, and the same alone for printing.
void confirmation_section(const AppState& state, const Dispatch& dispatch);
void printable_view(const AppState& state, const Dispatch& dispatch);

// [queue_view.cpp] A reviewer's queue: filters, loading progress, a clipped table of cases.
void queue_view(const AppState& state, const Dispatch& dispatch);

// [case_view.cpp] One case: application data, documents, problems, actions with their forms, timeline.
void case_view(const AppState& state, const Dispatch& dispatch);

// [customers_view.cpp] A sales rep's customers with status and blockers; start a new application.
void customers_view(const AppState& state, const Dispatch& dispatch);

}  // namespace onb::portal::views
