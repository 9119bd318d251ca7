// tde_write_export_file(): the server-side writer behind tde_export(), for
// pg_cron jobs (which cannot COPY ... TO STDOUT). Streams the lines of an
// export function into a temporary file next to the target, hashing them
// with SHA-256, then fsyncs and renames it into place: the target is either
// the complete new file or untouched. All queries run read-only in the
// calling statement's snapshot, so the file, the count and the statistics
// agree.
//
// The body is PostgreSQL C code holding no C++ object with a destructor: an
// ERROR may pass through it (the temporary file is removed on the way).
#include "pg/error_boundary.hpp"

extern "C" {
#include "common/cryptohash.h"
#include "common/sha2.h"
#include "storage/fd.h"
#include "utils/acl.h"
#include "catalog/pg_authid_d.h"
#include <sys/stat.h>
}

namespace {

constexpr int kFetchBatch = 1000;

struct ExportArgs {
    char *path;
    char *format;
    Datum values[8];  // start_date, end_date, successful_only, style, system_prompt, deduplicate, split, split_ratios
    char nulls[8];
};

const char *lines_query(const char *schema, const char *format) {
    if (strcmp(format, "jsonl") == 0)
        return psprintf("SELECT line FROM %s.tde_export_jsonl($1, $2, $3, $4, $5, $6, $7, $8) AS line", schema);
    if (strcmp(format, "csv") == 0)
        return psprintf("SELECT line FROM %s.tde_export_csv($1, $2, $3, $6, $7, $8) AS line", schema);
    return psprintf("SELECT line FROM %s.tde_export_json($1, $2, $3, $6, $7, $8) AS line", schema);
}

const Oid kArgTypes[8] = {TEXTOID, TEXTOID, BOOLOID, TEXTOID, TEXTOID, BOOLOID, TEXTOID, FLOAT8ARRAYOID};

// Writes every line of the export to `file`, each followed by "\n", and
// feeds the same bytes to `hash`.
void stream_lines(const char *query, ExportArgs &args, FILE *file, const char *tmp_path,
                  pg_cryptohash_ctx *hash) {
    SPIPlanPtr plan = SPI_prepare(query, 8, const_cast<Oid *>(kArgTypes));
    if (plan == nullptr) elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
    Portal portal = SPI_cursor_open(nullptr, plan, args.values, args.nulls, true);
    for (;;) {
        SPI_cursor_fetch(portal, true, kFetchBatch);
        if (SPI_processed == 0) break;
        for (uint64 i = 0; i < SPI_processed; ++i) {
            bool isnull;
            Datum d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
            if (isnull) continue;
            text *t = DatumGetTextPP(d);
            size_t len = VARSIZE_ANY_EXHDR(t);
            if (fwrite(VARDATA_ANY(t), 1, len, file) != len || fputc('\n', file) == EOF)
                ereport(ERROR, (errcode_for_file_access(),
                                errmsg("could not write export file \"%s\": %m", tmp_path)));
            if (pg_cryptohash_update(hash, reinterpret_cast<const uint8 *>(VARDATA_ANY(t)), len) < 0 ||
                pg_cryptohash_update(hash, reinterpret_cast<const uint8 *>("\n"), 1) < 0)
                elog(ERROR, "could not compute SHA-256 of the export");
        }
        SPI_freetuptable(SPI_tuptable);
    }
    SPI_cursor_close(portal);
}

// Runs a one-row read-only query; copies its first `n` columns out of SPI
// (into the memory context that was current before SPI_connect).
void single_row(const char *query, ExportArgs &args, int n, Datum *values, bool *nulls) {
    int rc = SPI_execute_with_args(query, 8, const_cast<Oid *>(kArgTypes), args.values, args.nulls, true, 1);
    if (rc != SPI_OK_SELECT || SPI_processed != 1) elog(ERROR, "export summary query failed");
    for (int col = 1; col <= n; ++col) {
        Datum d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, col, &nulls[col - 1]);
        Form_pg_attribute att = TupleDescAttr(SPI_tuptable->tupdesc, col - 1);
        values[col - 1] = nulls[col - 1] ? 0 : SPI_datumTransfer(d, att->attbyval, att->attlen);
    }
}

void check_write_privilege() {
    if (!superuser() && !has_privs_of_role(GetUserId(), ROLE_PG_WRITE_SERVER_FILES))
        ereport(ERROR, (errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                        errmsg("permission denied to write export files on the server"),
                        errhint("Only superusers and members of pg_write_server_files can use tde_export(); "
                                "others can stream an export with COPY (SELECT tde_export_jsonl()) TO STDOUT.")));
}

}  // namespace

TDE_FUNCTION(tde_write_export_file) {
    check_write_privilege();
    if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
        ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("path and format are required")));
    ExportArgs args;
    args.path = text_to_cstring(PG_GETARG_TEXT_PP(0));
    args.format = text_to_cstring(PG_GETARG_TEXT_PP(1));
    if (!is_absolute_path(args.path))
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("export path must be absolute")));
    for (int i = 0; i < 8; ++i) {
        args.nulls[i] = PG_ARGISNULL(i + 2) ? 'n' : ' ';
        args.values[i] = PG_ARGISNULL(i + 2) ? 0 : PG_GETARG_DATUM(i + 2);
    }
    TupleDesc result_desc;
    if (get_call_result_type(fcinfo, nullptr, &result_desc) != TYPEFUNC_COMPOSITE)
        elog(ERROR, "tde_write_export_file must return a record");
    result_desc = BlessTupleDesc(result_desc);

    const char *schema = quote_identifier(get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid)));
    char *tmp_path = psprintf("%s.tmp.%d", args.path, MyProcPid);
    Datum summary_values[3];  // pairs_exported, high_water, statistics
    bool summary_nulls[3];
    char hex[2 * PG_SHA256_DIGEST_LENGTH + 1];
    FILE *volatile file = nullptr;

    if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
    PG_TRY();
    {
        // Readable by others, as COPY ... TO 'file' writes it (the backend's
        // own umask would make it 0600).
        mode_t saved_umask = umask(S_IWGRP | S_IWOTH);
        PG_TRY();
        {
            file = AllocateFile(tmp_path, PG_BINARY_W);
        }
        PG_FINALLY();
        {
            umask(saved_umask);
        }
        PG_END_TRY();
        if (file == nullptr)
            ereport(ERROR, (errcode_for_file_access(),
                            errmsg("could not create export file \"%s\": %m", tmp_path)));
        pg_cryptohash_ctx *hash = pg_cryptohash_create(PG_SHA256);
        if (hash == nullptr || pg_cryptohash_init(hash) < 0) elog(ERROR, "could not initialize SHA-256");
        stream_lines(lines_query(schema, args.format), args, file, tmp_path, hash);
        if (fflush(file) != 0 || pg_fsync(fileno(file)) != 0)
            ereport(ERROR, (errcode_for_file_access(), errmsg("could not write export file \"%s\": %m", tmp_path)));
        FILE *closing = file;
        file = nullptr;  // FreeFile() releases it even when it fails: never close it twice
        if (FreeFile(closing) != 0)
            ereport(ERROR, (errcode_for_file_access(), errmsg("could not close export file \"%s\": %m", tmp_path)));
        uint8 digest[PG_SHA256_DIGEST_LENGTH];
        if (pg_cryptohash_final(hash, digest, sizeof digest) < 0) elog(ERROR, "could not finish SHA-256");
        pg_cryptohash_free(hash);
        for (int i = 0; i < PG_SHA256_DIGEST_LENGTH; ++i) snprintf(hex + 2 * i, 3, "%02x", digest[i]);

        const char *summary = psprintf(
            // pairs_exported is the statistics' total (the same rows, one
            // pass fewer); the newest "timestamp" is that of the pairs the
            // export considered, before deduplicating and splitting
            // (incremental exports continue after it: a duplicate left out
            // is not taken up again by the next one).
            "SELECT (s ->> 'total_pairs')::bigint, "
            "(SELECT max(p.\"timestamp\") FROM %s.tde_filtered_pairs($1, $2, $3) p), s "
            "FROM (SELECT %s.tde_export_statistics_json($1, $2, $3, $6, $7, $8) AS s) x",
            schema, schema);
        single_row(summary, args, 3, summary_values, summary_nulls);

        durable_rename(tmp_path, args.path, ERROR);
    }
    PG_CATCH();
    {
        if (file != nullptr) FreeFile(file);
        unlink(tmp_path);
        PG_RE_THROW();
    }
    PG_END_TRY();
    SPI_finish();
    // Values copied out by SPI_datumTransfer live in the caller's context.
    Datum out_values[4] = {summary_values[0], summary_values[2], CStringGetTextDatum(hex), summary_values[1]};
    bool out_nulls[4] = {summary_nulls[0], summary_nulls[2], false, summary_nulls[1]};
    HeapTuple tuple = heap_form_tuple(result_desc, out_values, out_nulls);
    return HeapTupleGetDatum(tuple);
}
