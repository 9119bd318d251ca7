// Settings (GUCs) of the extension and the per-backend caches they govern.
#pragma once

#include <string>
#include <vector>

namespace tde::pg {

// tde.anonymize: superuser-only switch of the anonymizing trigger.
extern bool anonymize_enabled;

// tde.anonymize_sql_literals: superuser-only; personal data inside string
// literals and comments of sql_query.
extern bool anonymize_sql_literals;

// tde.derive_sql_info: superuser-only; off keeps the derived columns as given.
extern bool derive_sql_info;

// tde.phone_regions: superuser-only, validated list of region codes.
extern char *phone_regions_setting;
std::vector<std::string> split_regions(const char *value);

}  // namespace tde::pg
