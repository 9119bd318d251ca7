#include "pg/settings.hpp"

#include "pg/pg_headers.hpp"
#include "pg/rules.hpp"
#include "pg/secret.hpp"

namespace tde::pg {

bool anonymize_enabled = true;
bool anonymize_sql_literals = true;

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
    MarkGUCPrefixReserved("tde");
    tde::pg::register_secret_cache_callbacks();
    tde::pg::register_rules_cache_callbacks();
}
}
