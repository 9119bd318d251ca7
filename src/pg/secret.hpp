// The per-database anonymization secret, kept in the extension's tde_secret
// table (no privileges for anyone but its owner) and cached per backend until
// the table changes.
#pragma once

#include <cstdint>

#include <string>

#include "pg/pg_headers.hpp"

namespace tde::pg {

// The secret for the extension installed in namespace `extension_namespace`.
// Reads the table directly (no ACL check: the trigger runs as the writing
// role, which must not be able to SELECT it). A PostgreSQL ERROR comes back
// as tde::pg::PgError. The reference stays valid until the next call.
const std::string &current_secret(Oid extension_namespace);

// Bumped each time the cache is reloaded: anything derived from the secret
// (memoized anonymizations) is stale when this changes.
uint64_t secret_generation();

void register_secret_cache_callbacks();

}  // namespace tde::pg
