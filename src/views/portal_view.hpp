// The portal's views: functions of (const AppState&) that draw one ImGui frame and dispatch actions.
// They read state and report input; rules and decisions live in src/app and shared/, never here.
#pragma once

#include "src/app/actions.hpp"
#include "src/app/state.hpp"

#include <string>

namespace onb::portal::views {

// View-side scratch that is not application state: text of helper widgets that commit nothing.
struct ViewScratch {
  std::string country_filter;  // what the applicant typed to narrow the country list
};

// The whole window: the company-basics form, its buttons and where the draft and submission stand.
void portal_view(const AppState& state, ViewScratch& scratch, const Dispatch& dispatch);

// [company_basics_view.cpp] Legal name, country, VAT number, each with its problems beneath.
void company_basics_form(const AppState& state, ViewScratch& scratch, const Dispatch& dispatch);

}  // namespace onb::portal::views
