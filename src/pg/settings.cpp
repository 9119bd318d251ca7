#include "pg/settings.hpp"

#include <string>
#include <vector>

#include "core/pii_anonymizer.hpp"

#include "pg/pg_headers.hpp"
#include "pg/rules.hpp"
#include "pg/secret.hpp"

namespace tde::pg {

bool anonymize_enabled = true;
bool anonymize_sql_literals = true;
bool derive_sql_info = true;
char *phone_regions_setting = nullptr;

std::vector<std::string> split_regions(const char *value) {
    std::vector<std::string> out;
    std::string current;
    for (const char *p = value; ; ++p) {
        if (*p == ',' || *p == ' ' || *p == '\0') {
            if (!current.empty()) out.push_back(current);
            current.clear();
            if (*p == '\0') break;
        } else {
            current.push_back(*p >= 'a' && *p <= 'z' ? static_cast<char>(*p - 'a' + 'A') : *p);
        }
    }
    return out;
}

namespace {

// GUC check hook (called from PostgreSQL: must not throw).
bool check_phone_regions(char **newval, void **, GucSource) {
    // The C++ part only records the verdict; GUC_check_errdetail (which may
    // ERROR) runs after every C++ object is gone.
    int verdict = 0;  // 0 ok, 1 empty, 2 unknown code in `bad`
    char bad[64] = {0};
    try {
        std::vector<std::string> regions = split_regions(*newval ? *newval : "");
        if (regions.empty()) verdict = 1;
        for (const std::string &r : regions)
            if (verdict == 0 && !tde::core::PiiAnonymizer::valid_region_code(r)) {
                verdict = 2;
                strlcpy(bad, r.c_str(), sizeof bad);
            }
    } catch (...) {
        return false;
    }
    if (verdict == 1)
        GUC_check_errdetail("List at least one ISO 3166-1 region code, e.g. 'US' or 'US,GB,DE'.");
    else if (verdict == 2)
        GUC_check_errdetail("\"%s\" is not a region code known to libphonenumber.", bad);
    return verdict == 0;
}

}  // namespace

}  // namespace tde::pg

extern "C" {
PG_MODULE_MAGIC;

void _PG_init(void);

void _PG_init(void) {
    DefineCustomBoolVariable(
        "tde.anonymize",
        "Anonymize personal data in training pairs before they are stored.",
        "Only superusers can change this setting; turning it off stores questions and "
        "database names as written.",
        &tde::pg::anonymize_enabled, true, PGC_SUSET, 0, nullptr, nullptr, nullptr);
    DefineCustomBoolVariable(
        "tde.anonymize_sql_literals",
        "Anonymize personal data inside string literals and comments of sql_query.",
        "Identifiers and the statement's shape are never changed. Only superusers can change this.",
        &tde::pg::anonymize_sql_literals, true, PGC_SUSET, 0, nullptr, nullptr, nullptr);
    DefineCustomBoolVariable(
        "tde.derive_sql_info",
        "Derive query_type, table_names, sql_fingerprint, sql_normalized and sql_valid from sql_query.",
        "Off keeps the values the row already has (for bulk loads of rows derived before). "
        "Only superusers can change this.",
        &tde::pg::derive_sql_info, true, PGC_SUSET, 0, nullptr, nullptr, nullptr);
    DefineCustomStringVariable(
        "tde.phone_regions",
        "Regions (ISO 3166-1 codes, comma separated) that phone numbers without a country prefix are read in.",
        "Numbers written +CC or 00CC are found whatever the list holds. Only superusers can change this.",
        &tde::pg::phone_regions_setting, "US", PGC_SUSET, 0, tde::pg::check_phone_regions, nullptr, nullptr);
    MarkGUCPrefixReserved("tde");
    tde::pg::register_secret_cache_callbacks();
    tde::pg::register_rules_cache_callbacks();
}
}
