// Texts of the workflow's refusals ({code, path, message} errors, not application problems) in the
// message catalogue. A refusal's English message is rendered from the catalogue where it is made; a
// reader that has only the code and that English text (the portal, from the server's answer) gets it
// in another language by matching the text against the catalogue's English template, which recovers
// the values ({stage}, {tier}, ...) without a second wire format.
#pragma once

#include "shared/validation/messages.hpp"

#include <string>
#include <string_view>

namespace onb::validation {

// The catalogue's English text for `key`, its {name}s filled from `params`. key: the code, or
// "code#variant" where one code has several texts. A key missing from the catalogue yields the key
// (a test renders every key the workflow uses).
std::string refusal_text(std::string_view key, const Params& params = {});

// `english` (a message rendered from the catalogue's English text of `code` or of one of its
// variants) in `language`; `english` itself when no catalogued text of the code matches it.
std::string message_in(std::string_view code, const std::string& english, Language language);

}  // namespace onb::validation
