// The text tables. Keep keys sorted by area; German uses the register's and the tax office's words.
#include "src/views/texts.hpp"

#include <unordered_map>

namespace onb::portal::views {
namespace {

struct Pair {
  const char* en;
  const char* de;
};
using Table = std::unordered_map<std::string_view, Pair>;

const Table& ui() {
  static const Table t{
      {"app_title", {"Customer onboarding", "Kundenanmeldung"}},
      // reviewers' queue and case, sales reps' customers, the customer's confirmation
      {"queue_title", {"Cases you can act on", "Fälle zur Bearbeitung"}},
      {"queue_loading", {"Loading the queue…", "Arbeitsliste wird geladen…"}},
      {"pages", {"pages", "Seiten"}},
      {"cases", {"cases", "Fälle"}},
      {"all_stages", {"All stages", "Alle Stufen"}},
      {"overdue_only", {"Overdue", "Überfällig"}},
      {"assigned_to_me", {"Assigned to me", "Mir zugewiesen"}},
      {"me", {"me", "ich"}},
      {"someone", {"someone else", "jemand anderes"}},
      {"no_name", {"(no name yet)", "(noch ohne Namen)"}},
      {"loading", {"Loading…", "Wird geladen…"}},
      {"col_company", {"Company", "Unternehmen"}},
      {"col_assignee", {"Assignee", "Bearbeitung"}},
      {"col_errors", {"Errors", "Fehler"}},
      {"col_pending", {"Open items", "Offene Punkte"}},
      {"col_waiting_on", {"Waiting on", "Wartet auf"}},
      {"col_due", {"Due", "Fällig"}},
      {"col_blocks", {"What blocks it", "Was fehlt"}},
      {"back_to_queue", {"Back to the queue", "Zurück zur Arbeitsliste"}},
      {"case_application", {"Application", "Antrag"}},
      {"case_documents", {"Documents", "Unterlagen"}},
      {"case_no_documents", {"No documents attached.", "Keine Unterlagen angehängt."}},
      {"case_problems", {"Validation", "Prüfergebnis"}},
      {"case_actions", {"Actions", "Aktionen"}},
      {"case_no_actions", {"Nothing to do here for you now.", "Hier ist für Sie gerade nichts zu tun."}},
      {"case_timeline", {"Timeline", "Verlauf"}},
      {"case_stale", {"Someone changed this case meanwhile; it was loaded again. Check it and send again.",
                      "Der Fall wurde inzwischen geändert und neu geladen. Bitte prüfen und erneut senden."}},
      {"case_done", {"Recorded:", "Erfasst:"}},
      {"refused", {"Refused by the rule", "Abgelehnt durch die Regel"}},
      {"refused_by", {"refused by", "abgelehnt durch"}},
      {"send_action", {"Send", "Senden"}},
      {"cancel", {"Cancel", "Abbrechen"}},
      {"customers_title", {"Your customers", "Ihre Kunden"}},
      {"new_application", {"Start an application", "Antrag beginnen"}},
      {"no_customers", {"No customers yet.", "Noch keine Kunden."}},
      {"my_customers", {"My customers", "Meine Kunden"}},
      {"invite_unclaimed", {"Invitation not yet claimed", "Einladung noch nicht angenommen"}},
      {"confirmation_title", {"Confirmation of your customer account", "Bestätigung Ihres Kundenkontos"}},
      {"customer_number", {"Customer number", "Kundennummer"}},
      {"credit_limit", {"Approved credit limit", "Genehmigtes Kreditlimit"}},
      {"payment_terms", {"Payment terms", "Zahlungsbedingungen"}},
      {"days_net", {"days net", "Tage netto"}},
      {"invoicing_channel", {"Invoices by", "Rechnungsversand"}},
      {"activated_on", {"Active since", "Aktiv seit"}},
      {"printable_view", {"Printable view", "Druckansicht"}},
      {"print", {"Print", "Drucken"}},
      {"close", {"Close", "Schließen"}},
      {"sign_in", {"Sign in", "Anmelden"}},
      {"sign_up", {"Create account", "Konto anlegen"}},
      {"sign_out", {"Sign out", "Abmelden"}},
      {"email", {"E-mail", "E-Mail"}},
      {"password", {"Password", "Passwort"}},
      {"have_account", {"I have an account", "Ich habe ein Konto"}},
      {"new_here", {"I am new here", "Ich bin neu hier"}},
      {"sending", {"Sending…", "Wird gesendet…"}},
      {"offline", {"You are offline. Your work is kept in this browser and sent when the network returns.",
                   "Sie sind offline. Ihre Eingaben bleiben in diesem Browser und werden gesendet, sobald das Netz zurück ist."}},
      {"theme_light", {"Light", "Hell"}},
      {"theme_dark", {"Dark", "Dunkel"}},
      {"font_smaller", {"A-", "A-"}},
      {"font_larger", {"A+", "A+"}},
      {"back", {"Back", "Zurück"}},
      {"next", {"Next", "Weiter"}},
      {"submit", {"Submit application", "Antrag absenden"}},
      {"complete", {"complete", "vollständig"}},
      {"still_missing", {"Still missing:", "Es fehlt noch:"}},
      {"errors", {"errors", "Fehler"}},
      {"warnings", {"warnings", "Hinweise"}},
      {"no_problems", {"Nothing left to fix.", "Alles in Ordnung."}},
      {"add", {"Add", "Hinzufügen"}},
      {"remove", {"Remove", "Entfernen"}},
      {"attach", {"Attach file", "Datei anhängen"}},
      {"attach_for", {"Attach", "Anhängen"}},
      {"consents", {"Consents", "Einwilligungen"}},
      {"draft_saving", {"Saving the draft in this browser…", "Entwurf wird in diesem Browser gespeichert…"}},
      {"draft_saved", {"Draft saved in this browser.", "Entwurf in diesem Browser gespeichert."}},
      {"draft_restored", {"Restored the draft saved in this browser.", "Entwurf aus diesem Browser wiederhergestellt."}},
      {"draft_failed", {"The draft could not be saved:", "Der Entwurf konnte nicht gespeichert werden:"}},
      {"draft_unavailable", {"Drafts cannot be kept in this browser:", "Entwürfe können in diesem Browser nicht gespeichert werden:"}},
      {"submit_blocked", {"Fix the errors above before submitting.", "Bitte beheben Sie zuerst die Fehler."}},
      {"submit_queued", {"Submission queued: it is sent once the network is back.",
                         "Antrag vorgemerkt: er wird gesendet, sobald das Netz zurück ist."}},
      {"submit_sending", {"Submitting…", "Wird abgesendet…"}},
      {"submit_done", {"Submitted. We will let you know about each step.", "Abgesendet. Wir informieren Sie über jeden Schritt."}},
      {"submit_rejected", {"The server did not accept the application:", "Der Server hat den Antrag nicht angenommen:"}},
      {"submit_conflict", {"Someone changed this application meanwhile; your version was not sent over theirs:",
                           "Der Antrag wurde inzwischen geändert; Ihre Fassung hat die Änderung nicht überschrieben:"}},
      {"stage", {"Stage", "Stand"}},
      {"font_failed", {"The Unicode font could not be loaded: letters beyond ASCII show as '?'.",
                       "Die Unicode-Schrift konnte nicht geladen werden: Zeichen außerhalb ASCII erscheinen als '?'."}},
      {"review_intro", {"Check the counts per step; every problem is listed here.", "Prüfen Sie die Zählung je Schritt; hier steht jedes Problem."}},
      {"given", {"I agree", "Ich stimme zu"}},
      {"invite_ready", {"Saved on the server. Send the customer this link:", "Auf dem Server gespeichert. Senden Sie dem Kunden diesen Link:"}},
      {"copy_link", {"Copy link", "Link kopieren"}},
      {"send_answer", {"Send answer", "Antwort senden"}},
      {"refresh", {"Refresh", "Aktualisieren"}},
      {"invite_failed", {"The invitation could not be claimed:", "Die Einladung konnte nicht angenommen werden:"}},
      {"submit_invite", {"Save and invite the customer", "Speichern und Kunden einladen"}},
      {"upload_storing", {"Keeping the file in this browser…", "Die Datei wird in diesem Browser abgelegt…"}},
      {"upload_waiting", {"Uploaded once the application is sent.", "Wird hochgeladen, sobald der Antrag gesendet wird."}},
      {"upload_sending", {"Uploading…", "Wird hochgeladen…"}},
      {"upload_offline", {"Paused: you are offline. The upload continues when the network returns.",
                          "Angehalten: Sie sind offline. Das Hochladen geht weiter, sobald das Netz zurück ist."}},
      {"upload_retrying", {"Paused: the server could not be reached. Trying again shortly.",
                           "Angehalten: Der Server war nicht erreichbar. Gleich ein neuer Versuch."}},
      {"upload_resumes_at", {"It resumes after", "Es geht weiter nach"}},
      {"upload_done", {"Uploaded and checked by the server.", "Hochgeladen und vom Server geprüft."}},
      {"upload_failed", {"The upload failed:", "Das Hochladen ist fehlgeschlagen:"}},
      {"upload_not_kept", {"Kept in this page only: leave it open until the upload ends.",
                           "Nur in dieser Seite gehalten: Lassen Sie sie bis zum Ende des Hochladens geöffnet."}},
      {"upload_choose_other", {"Choose another file", "Andere Datei wählen"}},
      {"replace_document", {"Replace with a new file", "Durch eine neue Datei ersetzen"}},
      {"submit_uploading", {"Uploading the documents, then submitting…", "Unterlagen werden hochgeladen, dann abgesendet…"}},
  };
  return t;
}

const Table& fields() {
  static const Table t{
      {"entity", {"Company", "Unternehmen"}},
      {"legal_name", {"Legal name", "Name laut Register"}},
      {"trading_name", {"Trading name", "Handelsname"}},
      {"entity_type", {"Entity type", "Rechtsträger"}},
      {"legal_form", {"Legal form", "Rechtsform"}},
      {"registration_number", {"Registration number", "Registernummer"}},
      {"register_name", {"Register", "Registergericht"}},
      {"incorporation_date", {"Incorporated on", "Gründungsdatum"}},
      {"incorporation_country", {"Country of incorporation", "Gründungsland"}},
      {"lei", {"LEI", "LEI"}},
      {"website", {"Website", "Webseite"}},
      {"industry", {"Industry", "Branche"}},
      {"scheme", {"Scheme", "Schema"}},
      {"code", {"Code", "Code"}},
      {"employee_count", {"Employees", "Beschäftigte"}},
      {"expected_annual_revenue", {"Expected annual revenue", "Erwarteter Jahresumsatz"}},
      {"amount", {"Amount", "Betrag"}},
      {"currency", {"Currency", "Währung"}},
      {"addresses", {"Addresses", "Adressen"}},
      {"registered", {"Registered office", "Sitz"}},
      {"billing", {"Billing address", "Rechnungsadresse"}},
      {"shipping", {"Shipping address", "Lieferadresse"}},
      {"street_lines", {"Street", "Straße"}},
      {"dependent_locality", {"District", "Ortsteil"}},
      {"city", {"City", "Ort"}},
      {"region", {"Region", "Region"}},
      {"postal_code", {"Postal code", "Postleitzahl"}},
      {"sorting_code", {"Sorting code", "Sortiercode"}},
      {"country", {"Country", "Land"}},
      {"contacts", {"Contacts", "Ansprechpartner"}},
      {"name", {"Name", "Name"}},
      {"role", {"Role", "Funktion"}},
      {"job_title", {"Job title", "Position"}},
      {"email", {"E-mail", "E-Mail"}},
      {"phone", {"Phone", "Telefon"}},
      {"tax_registrations", {"Tax registrations", "Steuerregistrierungen"}},
      {"number", {"Number", "Nummer"}},
      {"bank_accounts", {"Bank accounts", "Bankverbindungen"}},
      {"account_holder", {"Account holder", "Kontoinhaber"}},
      {"iban", {"IBAN", "IBAN"}},
      {"bic", {"BIC", "BIC"}},
      {"local", {"Local account", "Inländisches Konto"}},
      {"bank_code", {"Bank code", "Bankleitzahl"}},
      {"account_number", {"Account number", "Kontonummer"}},
      {"owners", {"Beneficial owners", "Wirtschaftlich Berechtigte"}},
      {"directors", {"Directors", "Geschäftsführung"}},
      {"given_names", {"Given names", "Vornamen"}},
      {"family_name", {"Family name", "Familienname"}},
      {"date_of_birth", {"Date of birth", "Geburtsdatum"}},
      {"nationality", {"Nationality", "Staatsangehörigkeit"}},
      {"residence_country", {"Country of residence", "Wohnsitzland"}},
      {"ownership_percent", {"Ownership %", "Anteil %"}},
      {"identity_document", {"Identity document", "Ausweisdokument"}},
      {"type", {"Type", "Art"}},
      {"issuing_country", {"Issuing country", "Ausstellungsland"}},
      {"expiry_date", {"Expires on", "Gültig bis"}},
      {"issue_date", {"Issued on", "Ausgestellt am"}},
      {"document_id", {"Attached document id", "Angehängtes Dokument"}},
      {"can_sign_alone", {"Can sign alone", "Einzelvertretungsberechtigt"}},
      {"requested_credit", {"Credit requested", "Gewünschter Kreditrahmen"}},
      {"limit", {"Limit", "Limit"}},
      {"payment_terms", {"Payment terms", "Zahlungsbedingungen"}},
      {"financial_statements", {"Financial statements", "Jahresabschlüsse"}},
      {"fiscal_year_end", {"Fiscal year end", "Geschäftsjahresende"}},
      {"audited", {"Audited", "Geprüft"}},
      {"current_assets", {"Current assets", "Umlaufvermögen"}},
      {"cash", {"Cash", "Liquide Mittel"}},
      {"inventory", {"Inventory", "Vorräte"}},
      {"receivables", {"Receivables", "Forderungen"}},
      {"total_assets", {"Total assets", "Bilanzsumme"}},
      {"current_liabilities", {"Current liabilities", "Kurzfristige Verbindlichkeiten"}},
      {"total_liabilities", {"Total liabilities", "Verbindlichkeiten gesamt"}},
      {"total_debt", {"Total debt", "Finanzschulden"}},
      {"equity", {"Equity", "Eigenkapital"}},
      {"revenue", {"Revenue", "Umsatz"}},
      {"gross_profit", {"Gross profit", "Rohertrag"}},
      {"ebit", {"EBIT", "EBIT"}},
      {"interest_expense", {"Interest expense", "Zinsaufwand"}},
      {"net_income", {"Net income", "Jahresüberschuss"}},
      {"operating_cash_flow", {"Operating cash flow", "Operativer Cashflow"}},
      {"trade_references", {"Trade references", "Handelsreferenzen"}},
      {"company_name", {"Company", "Unternehmen"}},
      {"contact_name", {"Contact", "Ansprechpartner"}},
      {"years_of_relationship", {"Years of relationship", "Jahre der Geschäftsbeziehung"}},
      {"typical_credit", {"Typical credit", "Übliches Zahlungsziel"}},
      {"payment_experience", {"Payment experience", "Zahlungserfahrung"}},
      {"international_trade", {"International trade", "Außenhandel"}},
      {"letter_of_credit", {"Letter of credit", "Akkreditiv"}},
      {"issuing_bank_name", {"Issuing bank", "Eröffnende Bank"}},
      {"issuing_bank_bic", {"Issuing bank BIC", "BIC der eröffnenden Bank"}},
      {"tenor_days", {"Tenor (days)", "Laufzeit (Tage)"}},
      {"rules", {"Rules", "Regeln"}},
      {"incoterm", {"Incoterm", "Incoterm"}},
      {"documents", {"Documents", "Unterlagen"}},
      {"file_name", {"File", "Datei"}},
      {"size_bytes", {"Size", "Größe"}},
      // the forms of workflow actions (shared/workflow/events.hpp payloads)
      {"reason", {"Reason", "Begründung"}},
      {"assignee_id", {"Assignee (account id)", "Bearbeiter (Konto-ID)"}},
      {"assignee_role", {"In the role of", "In der Rolle"}},
      {"questions", {"Questions", "Fragen"}},
      {"document_type", {"Document", "Unterlage"}},
      {"decision", {"Decision", "Entscheidung"}},
      {"deferred_until", {"Deferred until", "Zurückgestellt bis"}},
      {"identity_verified", {"Identity verified", "Identität geprüft"}},
      {"beneficial_owners_verified", {"Beneficial owners verified", "Wirtschaftlich Berechtigte geprüft"}},
      {"screening", {"Sanctions screening", "Sanktionslistenprüfung"}},
      {"risk_grade", {"Risk grade", "Risikoklasse"}},
      {"tier", {"Approval tier", "Freigabestufe"}},
      {"approvers_required", {"Approvers required", "Nötige Freigaben"}},
      {"customer_number", {"Customer number", "Kundennummer"}},
      {"billing_contact", {"Billing contact e-mail", "E-Mail der Kreditorenbuchhaltung"}},
      {"invoicing_channel", {"Invoicing channel", "Rechnungsversand"}},
      {"payment_terms_days", {"Payment terms (days)", "Zahlungsziel (Tage)"}},
      {"to_role", {"Escalate to", "Eskalieren an"}},
      {"overdue_business_hours", {"Overdue (business hours)", "Überfällig (Geschäftsstunden)"}},
      {"text", {"Text", "Text"}},
      {"visibility", {"Visible to", "Sichtbar für"}},
  };
  return t;
}

const Table& items() {
  static const Table t{
      {"contacts", {"Contact", "Ansprechpartner"}},   {"tax_registrations", {"Tax registration", "Steuerregistrierung"}},
      {"bank_accounts", {"Bank account", "Bankverbindung"}}, {"owners", {"Owner", "Berechtigte(r)"}},
      {"directors", {"Director", "Geschäftsführer(in)"}},     {"financial_statements", {"Fiscal year", "Geschäftsjahr"}},
      {"trade_references", {"Reference", "Referenz"}},      {"street_lines", {"Line", "Zeile"}},
      {"documents", {"Document", "Dokument"}},
      {"questions", {"Question", "Frage"}},
  };
  return t;
}

const Table& values() {
  static const Table t{
      {"company", {"Company", "Kapitalgesellschaft"}},  {"partnership", {"Partnership", "Personengesellschaft"}},
      {"sole_trader", {"Sole trader", "Einzelunternehmen"}}, {"cooperative", {"Cooperative", "Genossenschaft"}},
      {"nonprofit", {"Non-profit", "Gemeinnützige Organisation"}}, {"trust", {"Trust", "Treuhand"}},
      {"public_body", {"Public body", "Öffentliche Stelle"}}, {"prepayment", {"Prepayment", "Vorkasse"}},
      {"primary", {"Primary", "Hauptansprechpartner"}},    {"billing", {"Billing", "Rechnungswesen"}},
      {"passport", {"Passport", "Reisepass"}},             {"national_id", {"National ID card", "Personalausweis"}},
      {"driving_licence", {"Driving licence", "Führerschein"}}, {"proprietor", {"Proprietor", "Inhaber(in)"}},
      {"managing_director", {"Managing director", "Geschäftsführer(in)"}},
      {"terms_and_conditions", {"Terms and conditions", "Allgemeine Geschäftsbedingungen"}},
      {"data_processing", {"Data processing", "Datenverarbeitung"}}, {"credit_check", {"Credit check", "Bonitätsprüfung"}},
      {"marketing", {"Marketing", "Werbung"}},
      {"certificate_of_incorporation", {"Certificate of incorporation", "Gründungsurkunde"}},
      {"register_extract", {"Register extract", "Registerauszug"}},
      {"identity_document", {"Identity document", "Ausweisdokument"}},
      {"vat_registration_certificate", {"VAT registration certificate", "USt-Registrierungsbescheinigung"}},
      {"draft", {"Draft", "Entwurf"}},  {"submitted", {"Submitted", "Eingereicht"}},
      {"compliance_review", {"Compliance review", "Compliance-Prüfung"}}, {"credit_review", {"Credit review", "Kreditprüfung"}},
      {"approval", {"Approval", "Freigabe"}}, {"active", {"Active", "Aktiv"}},
      {"master_data", {"Master data", "Stammdaten"}}, {"billing_setup", {"Billing setup", "Abrechnung"}},
      {"info_requested", {"Information requested", "Rückfrage"}}, {"rejected", {"Rejected", "Abgelehnt"}},
      {"missing_document", {"Missing document", "Fehlende Unterlage"}}, {"question", {"Question", "Rückfrage"}},
      {"expired_document", {"Expired document", "Abgelaufene Unterlage"}},
      {"rejected_document", {"Rejected document", "Abgelehnte Unterlage"}},
      {"deferred_document", {"Deferred document", "Zurückgestellte Unterlage"}},
      {"trade_licence", {"Trade licence", "Gewerbeanmeldung"}},
      {"owner_identity_document", {"Owner's identity document", "Ausweis des Eigentümers"}},
      {"audited_financial_statements", {"Audited financial statements", "Geprüfter Jahresabschluss"}},
      {"vat_registration_proof", {"Proof of VAT registration", "Nachweis der USt-Registrierung"}},
      {"withdrawn", {"Withdrawn", "Zurückgezogen"}}, {"under_review", {"Under review", "In Überprüfung"}},
      {"created", {"Created", "Angelegt"}}, {"edited", {"Edited", "Geändert"}}, {"assigned", {"Take the case", "Fall übernehmen"}},
      {"info_provided", {"Information provided", "Auskunft erteilt"}},
      {"document_decided", {"Decide on a document", "Über eine Unterlage entscheiden"}},
      {"compliance_cleared", {"Clear compliance", "Compliance freigeben"}},
      {"compliance_failed", {"Fail compliance", "Compliance ablehnen"}},
      {"credit_decided", {"Decide credit", "Kredit entscheiden"}},
      {"approval_granted", {"Grant approval", "Freigabe erteilen"}},
      {"approval_denied", {"Deny approval", "Freigabe verweigern"}},
      {"master_data_created", {"Create master data", "Stammdaten anlegen"}},
      {"billing_configured", {"Configure billing", "Abrechnung einrichten"}},
      {"activated", {"Activate", "Aktivieren"}}, {"reopened", {"Reopen", "Wieder öffnen"}},
      {"escalated", {"Escalate", "Eskalieren"}}, {"comment", {"Comment", "Kommentar"}},
      {"customer", {"Customer", "Kunde"}}, {"sales_rep", {"Sales rep", "Vertrieb"}},
      {"compliance_officer", {"Compliance officer", "Compliance"}}, {"credit_analyst", {"Credit analyst", "Kreditanalyse"}},
      {"credit_approver", {"Credit approver", "Kreditfreigabe"}}, {"billing_admin", {"Billing", "Abrechnung"}},
      {"data_steward", {"Data steward", "Stammdatenpflege"}}, {"auditor", {"Auditor", "Revision"}},
      {"admin", {"Administrator", "Administration"}},
      {"accepted", {"Accepted", "Angenommen"}}, {"waived", {"Waived", "Verzichtet"}}, {"deferred", {"Deferred", "Zurückgestellt"}},
      {"no_match", {"No match", "Kein Treffer"}},
      {"potential_match_cleared", {"Potential match, cleared", "Möglicher Treffer, ausgeräumt"}},
      {"match", {"Match", "Treffer"}},
      {"low", {"Low", "Niedrig"}}, {"medium", {"Medium", "Mittel"}}, {"high", {"High", "Hoch"}},
      {"very_high", {"Very high", "Sehr hoch"}},
      {"email", {"E-mail", "E-Mail"}}, {"edi", {"EDI", "EDI"}}, {"portal", {"Customer portal", "Kundenportal"}},
      {"post", {"Post", "Post"}}, {"internal", {"Internal only", "Nur intern"}},
  };
  return t;
}

const Table& steps() {
  static const Table t{
      {"company", {"Company", "Unternehmen"}},
      {"addresses_contacts", {"Addresses and contacts", "Adressen und Kontakte"}},
      {"tax_bank", {"Tax and bank", "Steuer und Bank"}},
      {"owners_directors", {"Owners and directors", "Eigentümer und Geschäftsführung"}},
      {"credit_financials", {"Credit and financials", "Kredit und Abschlüsse"}},
      {"trade_references", {"Trade references", "Handelsreferenzen"}},
      {"documents", {"Documents", "Unterlagen"}},
      {"review", {"Review and submit", "Prüfen und absenden"}},
  };
  return t;
}

std::string humanised(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c == '_') c = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string lookup(const Table& t, std::string_view key, Language lang) {
  const auto it = t.find(key);
  if (it == t.end()) return humanised(key);
  return lang == Language::de && it->second.de ? it->second.de : it->second.en;
}

}  // namespace

const char* tr(std::string_view key, Language lang) {
  const auto it = ui().find(key);
  if (it == ui().end()) return key.data();  // keys are literals: NUL-terminated
  return lang == Language::de && it->second.de ? it->second.de : it->second.en;
}

std::string field_label(std::string_view member, Language lang) { return lookup(fields(), member, lang); }
std::string item_label(std::string_view list_member, Language lang) { return lookup(items(), list_member, lang); }
std::string value_label(std::string_view enumerator, Language lang) { return lookup(values(), enumerator, lang); }
std::string step_label(std::string_view step, Language lang) { return lookup(steps(), step, lang); }

}  // namespace onb::portal::views
