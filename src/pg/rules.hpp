// Custom anonymization rules from the extension's tde_anonymization_rules
// table, compiled once per backend and recompiled when the table changes
// (relcache invalidation sent by the table's statement trigger).
#pragma once

#include <cstdint>

#include "core/custom_rules.hpp"
#include "pg/pg_headers.hpp"

namespace tde::pg {

// The enabled rules of the extension in `extension_namespace`, in name
// order. A PostgreSQL ERROR comes back as PgError.
const tde::core::CustomRules &current_rules(Oid extension_namespace);

// Bumped each time the cache is reloaded: anything derived from the rules
// (memoized anonymizations) is stale when this changes.
uint64_t rules_generation();

void register_rules_cache_callbacks();

}  // namespace tde::pg
