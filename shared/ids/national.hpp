// The national VAT schemes eu.vat dispatches to, defined by country group in eu_vat_*.cpp and
// europe_other.cpp. Internal to shared/ids: callers go through schemes() / find_scheme().
#pragma once

#include "shared/ids/scheme.hpp"

namespace onb::ids::detail {

// eu_vat_west.cpp
extern const Scheme at_uid, be_vat, de_vat, dk_cvr, fi_alv, fr_tva, ie_vat, lu_tva, nl_btw, se_vat;
// eu_vat_south.cpp
extern const Scheme cy_vat, es_nif, gr_vat, hr_oib, it_iva, mt_vat, pt_nif, si_ddv;
// eu_vat_east.cpp
extern const Scheme bg_vat, cz_dic, ee_kmkr, hu_anum, lt_pvm, lv_pvn, pl_nip, ro_cf, sk_dph;
// europe_other.cpp (gb.vat also serves XI, Northern Ireland)
extern const Scheme gb_vat, ch_uid, no_mva;
// eu_vat.cpp
extern const Scheme eu_oss, eu_vat;
// iban.cpp, bank.cpp
extern const Scheme iban, bic, lei;
// americas.cpp
extern const Scheme us_ein, ca_bn, br_cnpj, mx_rfc;
// asia_pacific.cpp
extern const Scheme au_abn, in_gstin, cn_uscc, jp_cn;

}  // namespace onb::ids::detail
