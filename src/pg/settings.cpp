#include "pg/settings.hpp"

#include "pg/pg_headers.hpp"
#include "pg/secret.hpp"

namespace tde::pg {

bool anonymize_enabled = true;

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
    MarkGUCPrefixReserved("tde");
    tde::pg::register_secret_cache_callbacks();
}
}
