#include <string>

#include "core/keyed_hash.hpp"
#include "pg/error_boundary.hpp"
#include "pg/secret.hpp"

namespace tde::pg {

namespace {

struct SecretCache {
    bool valid = false;
    Oid namespace_oid = InvalidOid;
    Oid relid = InvalidOid;
    std::string key;
    uint64_t generation = 0;  // bumped at every reload
};

SecretCache cache;

void invalidate_on_relcache(Datum, Oid relid) {
    if (relid == InvalidOid || relid == cache.relid) cache.valid = false;
}

// Copies the key bytes of the single row of tde_secret into `out`.
// Plain C-style code: it may ERROR, and holds no C++ objects.
void read_secret_row(Oid relid, char **out, size_t *out_len) {
    Relation rel = table_open(relid, AccessShareLock);
    TableScanDesc scan = table_beginscan(rel, GetLatestSnapshot(), 0, nullptr);  // newer than any invalidation table_open processed
    HeapTuple tuple = heap_getnext(scan, ForwardScanDirection);
    *out = nullptr;
    *out_len = 0;
    if (tuple != nullptr) {
        bool isnull = true;
        int attnum = SPI_fnumber(RelationGetDescr(rel), "key");
        Datum value = attnum > 0 ? heap_getattr(tuple, attnum, RelationGetDescr(rel), &isnull) : 0;
        if (!isnull) {
            bytea *key = DatumGetByteaPP(value);
            *out_len = VARSIZE_ANY_EXHDR(key);
            *out = static_cast<char *>(palloc(*out_len));
            memcpy(*out, VARDATA_ANY(key), *out_len);
        }
    }
    table_endscan(scan);
    table_close(rel, AccessShareLock);
}

// Finds and reads tde_secret. C-style code: may ERROR, holds no C++ objects.
void load_secret_bytes(Oid extension_namespace, Oid *relid, char **bytes, size_t *len) {
    *relid = get_relname_relid("tde_secret", extension_namespace);
    if (!OidIsValid(*relid))
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_TABLE),
                        errmsg("training_data_export: table tde_secret is missing"),
                        errhint("Reinstall the extension.")));
    read_secret_row(*relid, bytes, len);
    if (*bytes == nullptr || *len < 32)
        ereport(ERROR, (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                        errmsg("training_data_export: the anonymization secret is missing"),
                        errhint("A superuser can create one with SELECT tde_rotate_secret();")));
}

}  // namespace

const std::string &current_secret(Oid extension_namespace) {
    if (cache.valid && cache.namespace_oid == extension_namespace) return cache.key;
    Oid relid = InvalidOid;
    char *bytes = nullptr;
    size_t len = 0;
    pg_guard([&] { load_secret_bytes(extension_namespace, &relid, &bytes, &len); });
    cache.key.assign(bytes, len);
    pfree(bytes);
    cache.relid = relid;
    cache.namespace_oid = extension_namespace;
    cache.valid = true;
    ++cache.generation;
    return cache.key;
}

uint64_t secret_generation() { return cache.generation; }

void register_secret_cache_callbacks() {
    CacheRegisterRelcacheCallback(invalidate_on_relcache, 0);
}

}  // namespace tde::pg

// tde_random_secret() -> bytea: 32 bytes from OpenSSL's CSPRNG.
TDE_FUNCTION(tde_random_secret) {
    std::string bytes = tde::core::random_bytes(32);
    bytea *result = tde::pg::pg_guard([&] {
        bytea *b = static_cast<bytea *>(palloc(VARHDRSZ + bytes.size()));
        SET_VARSIZE(b, VARHDRSZ + bytes.size());
        memcpy(VARDATA(b), bytes.data(), bytes.size());
        return b;
    });
    PG_RETURN_BYTEA_P(result);
}

// Trigger on tables whose content is cached per backend (tde_secret): any
// change sends a relcache invalidation at commit, so every session drops its
// cached copy without reconnecting.
TDE_FUNCTION(tde_invalidate_cache) {
    if (!CALLED_AS_TRIGGER(fcinfo))
        throw tde::core::Error("39P01", "tde_invalidate_cache() must be called as a trigger");
    auto *trigdata = reinterpret_cast<TriggerData *>(fcinfo->context);
    tde::pg::pg_guard([&] { CacheInvalidateRelcache(trigdata->tg_relation); });
    return PointerGetDatum(nullptr);
}
