// The portal's views: functions of (const AppState&) that draw one ImGui frame and dispatch actions.
// They read state and report input; rules and decisions live in src/app and shared/, never here.
#pragma once

#include "src/app/actions.hpp"
#include "src/app/state.hpp"

namespace onb::portal::views {

// The whole window: top bar (language, theme, font size, sign out), offline banner, and the screen.
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

// [status_view.cpp] Stage, timeline with dates, pending items and a box to answer questions.
void status_view(const AppState& state, const Dispatch& dispatch);

}  // namespace onb::portal::views
