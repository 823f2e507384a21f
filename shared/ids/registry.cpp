// The registry of identifier schemes: every scheme defined in shared/ids, sorted by name so that
// find_scheme() can binary-search and `onboard check-id` can list them in order.
#include "shared/ids/national.hpp"

#include <algorithm>
#include <array>

namespace onb::ids {
namespace {

using namespace detail;

// Built on first use (not at namespace scope) because the schemes live in other translation units.
const std::array<Scheme, 43>& sorted_schemes() {
  static const std::array<Scheme, 43> all = [] {
    std::array<Scheme, 43> a = {at_uid, au_abn, be_vat, bg_vat, bic,     br_cnpj, ca_bn,  ch_uid,   cn_uscc,
                                cy_vat, cz_dic, de_vat, dk_cvr, ee_kmkr, es_nif,  eu_oss, eu_vat,   fi_alv,
                                fr_tva, gb_vat, gr_vat, hr_oib, hu_anum, iban,    ie_vat, in_gstin, it_iva,
                                jp_cn,  lei,    lt_pvm, lu_tva, lv_pvn,  mt_vat,  mx_rfc, nl_btw,   no_mva,
                                pl_nip, pt_nif, ro_cf,  se_vat, si_ddv,  sk_dph,  us_ein};
    std::sort(a.begin(), a.end(), [](const Scheme& x, const Scheme& y) { return x.name < y.name; });
    return a;
  }();
  return all;
}

}  // namespace

std::span<const Scheme> schemes() { return sorted_schemes(); }

const Scheme* find_scheme(std::string_view name) {
  const auto& all = sorted_schemes();
  const auto it =
      std::lower_bound(all.begin(), all.end(), name, [](const Scheme& s, std::string_view n) { return s.name < n; });
  return it != all.end() && it->name == name ? &*it : nullptr;
}

}  // namespace onb::ids
