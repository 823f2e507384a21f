// The customer's formal confirmation once the enrollment is active (CustomerStatus::confirmation, as the
// server computed it): a print-friendly rendering of it alone, and the browser's print dialog as an effect.
#include "src/app/update_internal.hpp"

namespace onb::portal::detail {

Step on(AppState s, const PrintableToggled& a) {
  s.printable = a.on && s.status && s.status->confirmation.has_value();
  return {std::move(s), {}};
}

Step on(AppState s, const PrintClicked& a) {
  if (!s.printable) return {std::move(s), {}};
  return {std::move(s), {PrintPage{a.top}}};
}

}  // namespace onb::portal::detail
