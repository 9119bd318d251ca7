#include <algorithm>
#include <string>
#include <vector>

#include "pg/error_boundary.hpp"
#include "pg/rules.hpp"

namespace tde::pg {

namespace {

struct RulesCache {
    bool valid = false;
    Oid namespace_oid = InvalidOid;
    Oid relid = InvalidOid;
    tde::core::CustomRules rules;
    uint64_t generation = 0;  // bumped at every reload
};

RulesCache cache;

void invalidate_on_relcache(Datum, Oid relid) {
    if (relid == InvalidOid || relid == cache.relid) cache.valid = false;
}

struct RawRule {
    char *name;
    char *pattern;
    char *replacement;
};

// Reads the enabled rules (C-style: may ERROR, holds no C++ objects).
void read_rules(Oid extension_namespace, Oid *relid, RawRule **rules, int *count) {
    *relid = get_relname_relid("tde_anonymization_rules", extension_namespace);
    *rules = nullptr;
    *count = 0;
    if (!OidIsValid(*relid)) return;
    Relation rel = table_open(*relid, AccessShareLock);
    TupleDesc desc = RelationGetDescr(rel);
    int att_name = SPI_fnumber(desc, "name"), att_pattern = SPI_fnumber(desc, "pattern");
    int att_replacement = SPI_fnumber(desc, "replacement"), att_enabled = SPI_fnumber(desc, "enabled");
    if (att_name <= 0 || att_pattern <= 0 || att_replacement <= 0 || att_enabled <= 0)
        elog(ERROR, "tde_anonymization_rules lacks a rule column");
    int capacity = 8;
    *rules = static_cast<RawRule *>(palloc(sizeof(RawRule) * capacity));
    TableScanDesc scan = table_beginscan(rel, GetLatestSnapshot(), 0, nullptr);  // newer than any invalidation table_open processed
    HeapTuple tuple;
    while ((tuple = heap_getnext(scan, ForwardScanDirection)) != nullptr) {
        bool n1, n2, n3, n4;
        Datum enabled = heap_getattr(tuple, att_enabled, desc, &n4);
        if (n4 || !DatumGetBool(enabled)) continue;
        Datum name = heap_getattr(tuple, att_name, desc, &n1);
        Datum pattern = heap_getattr(tuple, att_pattern, desc, &n2);
        Datum replacement = heap_getattr(tuple, att_replacement, desc, &n3);
        if (n1 || n2 || n3) continue;
        if (*count == capacity) {
            capacity *= 2;
            *rules = static_cast<RawRule *>(repalloc(*rules, sizeof(RawRule) * capacity));
        }
        (*rules)[*count] = RawRule{TextDatumGetCString(name), TextDatumGetCString(pattern),
                                   TextDatumGetCString(replacement)};
        ++*count;
    }
    table_endscan(scan);
    table_close(rel, AccessShareLock);
}

}  // namespace

const tde::core::CustomRules &current_rules(Oid extension_namespace) {
    if (cache.valid && cache.namespace_oid == extension_namespace) return cache.rules;
    Oid relid = InvalidOid;
    RawRule *raw = nullptr;
    int count = 0;
    pg_guard([&] { read_rules(extension_namespace, &relid, &raw, &count); });
    std::vector<RawRule> ordered(raw, raw + count);
    std::sort(ordered.begin(), ordered.end(),
              [](const RawRule &a, const RawRule &b) { return strcmp(a.name, b.name) < 0; });
    tde::core::CustomRules rules;
    for (const RawRule &r : ordered) rules.add(r.name, r.pattern, r.replacement);
    cache.rules = std::move(rules);
    cache.relid = relid;
    cache.namespace_oid = extension_namespace;
    cache.valid = true;
    ++cache.generation;
    return cache.rules;
}

uint64_t rules_generation() { return cache.generation; }

void register_rules_cache_callbacks() {
    CacheRegisterRelcacheCallback(invalidate_on_relcache, 0);
}

}  // namespace tde::pg

// BEFORE INSERT OR UPDATE trigger of tde_anonymization_rules: a rule whose
// pattern or replacement does not compile is refused (SQLSTATE 2201B).
TDE_FUNCTION(tde_validate_rule) {
    if (!CALLED_AS_TRIGGER(fcinfo))
        throw tde::core::Error("39P01", "tde_validate_rule() must be called as a trigger");
    auto *trigdata = reinterpret_cast<TriggerData *>(fcinfo->context);
    if (!TRIGGER_FIRED_BEFORE(trigdata->tg_event) || !TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
        throw tde::core::Error("39P01", "tde_validate_rule() must fire BEFORE ... FOR EACH ROW");
    HeapTuple tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ? trigdata->tg_newtuple
                                                                   : trigdata->tg_trigtuple;
    TupleDesc desc = RelationGetDescr(trigdata->tg_relation);
    char *name = nullptr, *pattern = nullptr, *replacement = nullptr;
    tde::pg::pg_guard([&] {
        name = SPI_getvalue(tuple, desc, SPI_fnumber(desc, "name"));
        pattern = SPI_getvalue(tuple, desc, SPI_fnumber(desc, "pattern"));
        replacement = SPI_getvalue(tuple, desc, SPI_fnumber(desc, "replacement"));
    });
    tde::core::CustomRules::validate(name ? name : "", pattern ? pattern : "", replacement ? replacement : "");
    return PointerGetDatum(tuple);
}
