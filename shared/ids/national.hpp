// The national VAT schemes eu.vat dispatches to: the rules that are data in eu_vat_table.cpp, the
// others by country group in eu_vat_*.cpp and europe_other.cpp. Internal to shared/ids: callers go
// through schemes() / find_scheme().
#pragma once

#include "shared/ids/scheme.hpp"

namespace onb::ids::detail {

// eu_vat_table.cpp: the rules of one shape (digits, one length, weighted or ISO 7064 check digits)
extern const Scheme de_vat, dk_cvr, ee_kmkr, fi_alv, gr_vat, hr_oib, hu_anum, lu_tva, mt_vat, pl_nip, pt_nif, si_ddv;
// eu_vat_west.cpp
extern const Scheme at_uid, be_vat, fr_tva, ie_vat, nl_btw, se_vat;
// eu_vat_south.cpp
extern const Scheme cy_vat, es_nif, it_iva;
// eu_vat_east.cpp, eu_vat_personal.cpp (cz.dic)
extern const Scheme bg_vat, cz_dic, lt_pvm, lv_pvn, ro_cf, sk_dph;
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
