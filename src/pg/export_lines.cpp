// Per-row line writers used by the streaming exports:
//   tde_jsonl_line(tde_pairs, style, system_prompt) -> one JSONL line
//   tde_json_element(tde_pairs)                     -> one element of the JSON "pairs" array
//   tde_csv_record(tde_pairs)                       -> one CSV record (may span lines)
// The export functions (SQL, sql/...) call them from a query that the
// executor streams, so memory stays flat whatever the row count.
//
// These bodies call PostgreSQL directly and hold no C++ object with a
// destructor on the stack: a PostgreSQL ERROR may pass through them. The
// output buffer is static (reused per row, never freed mid-row).
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "core/export_format.hpp"
#include "pg/error_boundary.hpp"

extern "C" {
#include "utils/datetime.h"
#include "utils/float.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "catalog/namespace.h"
#include "executor/executor.h"
#include "nodes/makefuncs.h"
#include "nodes/params.h"
#include "optimizer/optimizer.h"
#include "optimizer/planmain.h"
#include "tcop/tcopprot.h"
#include "utils/datum.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "parser/parse_func.h"
#include "utils/acl.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"
#include "common/shortest_dec.h"
}

namespace {

enum PairColumn {
    kPairId, kQuestion, kSql, kTimestamp, kDatabaseType, kDatabaseName, kTableNames, kSuccess,
    kExecutionTime, kMetadata, kQueryType, kColumnCount
};

const char *const kColumnNames[kColumnCount] = {
    "pair_id", "natural_language_query", "sql_query", "timestamp", "database_type", "database_name",
    "table_names", "success", "execution_time_ms", "metadata", "query_type"};

// One deformed pairs row. Lives in the per-call memory context.
struct PairRow {
    Datum values[kColumnCount];
    bool nulls[kColumnCount];
};

// Attribute positions of the pair columns in the row type, found once per
// query (cached in fn_extra) and re-checked against the row type's identity.
struct RowLayout {
    Oid type_id;
    int32 typmod;
    int natts;
    int attnum[kColumnCount];
};

// Per-query state of a line writer (fn_extra).
struct WriterState {
    RowLayout layout;
    Datum *all_values;  // deform buffers (natts_allocated entries, fn_mcxt)
    bool *all_nulls;
    int natts_allocated;
    bool emitted_first;  // tde_json_element: the first element has no comma
};

WriterState *writer_state(FunctionCallInfo fcinfo) {
    auto *state = static_cast<WriterState *>(fcinfo->flinfo->fn_extra);
    if (state == nullptr) {
        state = static_cast<WriterState *>(MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(WriterState)));
        fcinfo->flinfo->fn_extra = state;
    }
    return state;
}

void deform_pair(FunctionCallInfo fcinfo, HeapTupleHeader header, PairRow &row) {
    WriterState *state = writer_state(fcinfo);
    Oid type_id = HeapTupleHeaderGetTypeId(header);
    int32 typmod = HeapTupleHeaderGetTypMod(header);
    TupleDesc desc = lookup_rowtype_tupdesc(type_id, typmod);
    RowLayout &layout = state->layout;
    if (layout.type_id != type_id || layout.typmod != typmod || layout.natts != desc->natts) {
        for (int c = 0; c < kColumnCount; ++c) {
            layout.attnum[c] = 0;
            for (int i = 0; i < desc->natts; ++i) {
                Form_pg_attribute att = TupleDescAttr(desc, i);
                if (!att->attisdropped && strcmp(NameStr(att->attname), kColumnNames[c]) == 0)
                    layout.attnum[c] = i + 1;
            }
            if (layout.attnum[c] == 0)
                ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
                                errmsg("export line writers need a tde_pairs row; column \"%s\" is missing",
                                       kColumnNames[c])));
        }
        layout.type_id = type_id;
        layout.typmod = typmod;
        layout.natts = desc->natts;
    }
    HeapTupleData tuple;
    tuple.t_len = HeapTupleHeaderGetDatumLength(header);
    ItemPointerSetInvalid(&tuple.t_self);
    tuple.t_tableOid = InvalidOid;
    tuple.t_data = header;
    // One pass over the tuple (heap_getattr per column would walk the
    // variable-length columns again for each one).
    if (state->natts_allocated < desc->natts) {
        state->all_values = static_cast<Datum *>(
            MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Datum) * desc->natts));
        state->all_nulls = static_cast<bool *>(
            MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(bool) * desc->natts));
        state->natts_allocated = desc->natts;
    }
    heap_deform_tuple(&tuple, desc, state->all_values, state->all_nulls);
    for (int c = 0; c < kColumnCount; ++c) {
        row.values[c] = state->all_values[layout.attnum[c] - 1];
        row.nulls[c] = state->all_nulls[layout.attnum[c] - 1];
    }
    ReleaseTupleDesc(desc);
}

std::string_view text_view(Datum value) {
    text *t = DatumGetTextPP(value);
    return std::string_view(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

// The output buffer, reused for every row of every export in this backend.
std::string &line_buffer() {
    static std::string buffer;
    buffer.clear();
    return buffer;
}

Datum buffer_to_text(const std::string &buffer) {
    return PointerGetDatum(cstring_to_text_with_len(buffer.data(), static_cast<int>(buffer.size())));
}

void append_timestamp(std::string &out, Datum value) {
    char buf[MAXDATELEN + 1];
    JsonEncodeDateTime(buf, value, TIMESTAMPTZOID, nullptr);
    tde::core::append_iso_timestamp(out, buf);
}

void append_uuid(std::string &out, Datum value) {
    char *s = DatumGetCString(DirectFunctionCall1(uuid_out, value));
    out.append(s);
    pfree(s);
}

// The shortest text that reads back as the same double, whatever the
// session's extra_float_digits (float8out's default output): an export's
// bytes do not depend on the session. NaN and infinities (which the table's
// CHECK refuses, but a row built by hand may carry) are JSON null, and
// float8in's spellings in CSV.
void append_float(std::string &out, Datum value, bool json) {
    const double d = DatumGetFloat8(value);
    if (std::isnan(d) || std::isinf(d)) {
        out.append(json ? "null" : std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    char buffer[DOUBLE_SHORTEST_DECIMAL_LEN];
    const int length = double_to_shortest_decimal_buf(d, buffer);
    out.append(buffer, static_cast<size_t>(length));
}

// Calls `each(element)` for every non-null element of a text[] value.
template <typename Each>
void for_each_text_element(Datum array_datum, Each each) {
    ArrayType *array = DatumGetArrayTypeP(array_datum);
    Datum *elems;
    bool *elem_nulls;
    int count;
    deconstruct_array(array, TEXTOID, -1, false, TYPALIGN_INT, &elems, &elem_nulls, &count);
    for (int i = 0; i < count; ++i)
        if (!elem_nulls[i]) each(text_view(elems[i]));
}

void append_json_text_or_null(std::string &out, const PairRow &row, int column) {
    if (row.nulls[column]) out.append("null");
    else tde::core::append_json_string(out, text_view(row.values[column]));
}

// `column` written by `append` between quotes, or null.
void append_quoted_or_null(std::string &out, const PairRow &row, int column, void (*append)(std::string &, Datum)) {
    if (row.nulls[column]) {
        out.append("null");
        return;
    }
    out.push_back('"');
    append(out, row.values[column]);
    out.push_back('"');
}

// Every field of the pair, in the guide's order.
void append_pair_object(std::string &out, const PairRow &row) {
    // pair_id and timestamp are NOT NULL in the table, but a row value built
    // by hand (ROW(NULL, ...)::tde_pairs) may carry NULLs in any column.
    out.append("{\"pair_id\": ");
    append_quoted_or_null(out, row, kPairId, append_uuid);
    out.append(", \"natural_language_query\": ");
    append_json_text_or_null(out, row, kQuestion);
    out.append(", \"sql_query\": ");
    append_json_text_or_null(out, row, kSql);
    out.append(", \"timestamp\": ");
    append_quoted_or_null(out, row, kTimestamp, append_timestamp);
    out.append(", \"database_type\": ");
    append_json_text_or_null(out, row, kDatabaseType);
    out.append(", \"database_name\": ");
    append_json_text_or_null(out, row, kDatabaseName);
    out.append(", \"table_names\": [");
    if (!row.nulls[kTableNames]) {
        bool first = true;
        for_each_text_element(row.values[kTableNames], [&](std::string_view name) {
            if (!first) out.append(", ");
            first = false;
            tde::core::append_json_string(out, name);
        });
    }
    out.append("], \"success\": ");
    out.append(row.nulls[kSuccess] ? "null" : DatumGetBool(row.values[kSuccess]) ? "true" : "false");
    out.append(", \"execution_time_ms\": ");
    if (row.nulls[kExecutionTime]) out.append("null");
    else append_float(out, row.values[kExecutionTime], true);
    out.append(", \"metadata\": ");
    if (row.nulls[kMetadata]) {
        out.append("{}");
    } else {
        Jsonb *jb = DatumGetJsonbP(row.values[kMetadata]);
        char *s = JsonbToCString(nullptr, &jb->root, VARSIZE(jb));
        tde::core::append_json_escaping_separators(out, s);
        pfree(s);
    }
    out.append(", \"query_type\": ");
    append_json_text_or_null(out, row, kQueryType);
    out.push_back('}');
}

tde::core::JsonlStyle style_argument(FunctionCallInfo fcinfo, int argno) {
    tde::core::JsonlStyle style = tde::core::JsonlStyle::Pair;
    if (!PG_ARGISNULL(argno) && !tde::core::parse_jsonl_style(text_view(PG_GETARG_DATUM(argno)), style))
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("unknown export style"),
                        errhint("Use one of: pair, prompt_completion, chat, alpaca.")));
    return style;
}

}  // namespace

// A timestamptz as the JSON of pairs and statistics writes it (the exports'
// format): ISO 8601 in the session's time zone, a fraction of a second, when
// there is one, with six digits (STRICT).
TDE_FUNCTION(tde_iso_timestamp) {
    std::string &out = line_buffer();
    append_timestamp(out, PG_GETARG_DATUM(0));
    return buffer_to_text(out);
}

TDE_FUNCTION(tde_jsonl_line) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    tde::core::JsonlStyle style = style_argument(fcinfo, 1);
    PairRow row;
    deform_pair(fcinfo, PG_GETARG_HEAPTUPLEHEADER(0), row);
    std::string &out = line_buffer();
    if (style == tde::core::JsonlStyle::Pair) {
        append_pair_object(out, row);
    } else {
        std::string_view system_prompt;
        if (!PG_ARGISNULL(2)) system_prompt = text_view(PG_GETARG_DATUM(2));
        std::string_view question = row.nulls[kQuestion] ? std::string_view() : text_view(row.values[kQuestion]);
        std::string_view sql = row.nulls[kSql] ? std::string_view() : text_view(row.values[kSql]);
        tde::core::append_example(out, style, question, sql, PG_ARGISNULL(2) ? nullptr : &system_prompt);
    }
    return buffer_to_text(out);
}

TDE_FUNCTION(tde_json_element) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    PairRow row;
    deform_pair(fcinfo, PG_GETARG_HEAPTUPLEHEADER(0), row);
    WriterState *state = writer_state(fcinfo);
    std::string &out = line_buffer();
    out.append(state->emitted_first ? "  , " : "    ");
    state->emitted_first = true;
    append_pair_object(out, row);
    return buffer_to_text(out);
}

namespace {

// Formats one CSV record (the guide's columns) of a deformed row.
void format_csv_fields(const PairRow &row, std::string &out) {
    // NULL is an empty unquoted field; '' is "" (COPY ... CSV reads them back apart).
    auto text_field = [&](int column) {
        if (!row.nulls[column]) tde::core::append_csv_field(out, text_view(row.values[column]));
    };
    if (!row.nulls[kPairId]) append_uuid(out, row.values[kPairId]);
    out.push_back(',');
    text_field(kQuestion);
    out.push_back(',');
    text_field(kSql);
    out.push_back(',');
    if (!row.nulls[kTimestamp]) append_timestamp(out, row.values[kTimestamp]);
    out.push_back(',');
    text_field(kDatabaseType);
    out.push_back(',');
    text_field(kDatabaseName);
    out.push_back(',');
    if (!row.nulls[kTableNames]) {
        static std::string literal;  // static: no destructor on this stack
        literal.assign("{");
        bool first = true;
        for_each_text_element(row.values[kTableNames], [&](std::string_view name) {
            if (!first) literal.push_back(',');
            first = false;
            tde::core::append_pg_array_element(literal, name);
        });
        literal.push_back('}');
        tde::core::append_csv_field(out, literal);
    }
    out.push_back(',');
    if (!row.nulls[kSuccess]) out.append(DatumGetBool(row.values[kSuccess]) ? "true" : "false");
    out.push_back(',');
    if (!row.nulls[kExecutionTime]) append_float(out, row.values[kExecutionTime], false);
    out.push_back(',');
    text_field(kQueryType);
}

// Formats one CSV record of the tde_pairs row passed as argument 0.
void format_csv_record(FunctionCallInfo fcinfo, std::string &out) {
    PairRow row;
    deform_pair(fcinfo, PG_GETARG_HEAPTUPLEHEADER(0), row);
    format_csv_fields(row, out);
}

}  // namespace

TDE_FUNCTION(tde_csv_record) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    std::string &out = line_buffer();
    format_csv_record(fcinfo, out);
    return buffer_to_text(out);
}

// ---------------------------------------------------------------------------
// tde_csv_stream(start_date, end_date, successful_only, deduplicate, split,
// split_ratios) RETURNS SETOF text: the CSV export's lines (header first),
// value per call. The rows come from a query over tde_export_rows() that
// this function plans once and then runs a batch at a time with its own
// executor state, the way PostgreSQL runs a SQL function lazily
// (functions.c): same snapshot for every batch (the statement's), resources
// owned by the calling query, so the export survives what the calling query
// survives (cursors WITH HOLD, savepoints). Rows go to a receiver that
// formats them in C into a buffer of lines and stops the batch at
// kBatchBytes (or after one row larger than that): no per-row SQL-function
// call, no whole-row value, and memory bounded by one batch. A record whose
// fields hold line breaks comes out as several lines, so that COPY ...
// (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02') never quotes a line.
//
// tde_export_csv() is the SQL function users call: in FROM it is inlined to
// a call of this function; in the SELECT list its planner support function
// (tde_export_support) replaces it with this function, so neither form runs
// a SQL function per line.

namespace {

constexpr int kBatchBytes = 4 << 20;

const char kCsvHeader[] =
    "pair_id,natural_language_query,sql_query,timestamp,database_type,database_name,table_names,success,"
    "execution_time_ms,query_type";

const Oid kStreamArgTypes[6] = {TEXTOID, TEXTOID, BOOLOID, BOOLOID, TEXTOID, FLOAT8ARRAYOID};
// tde_csv_stream()'s signature: its date filters are anycompatible (text, date
// or timestamp), turned into the text of tde_export_rows() by start_csv_query.
const Oid kStreamSignature[6] = {ANYCOMPATIBLEOID, ANYCOMPATIBLEOID, BOOLOID, BOOLOID, TEXTOID, FLOAT8ARRAYOID};

struct CsvStream;

// Receives the rows of the export query and formats them into the lines.
struct CsvReceiver {
    DestReceiver pub;  // first: the executor sees a DestReceiver
    CsvStream *stream;
};

struct CsvStream {
    QueryDesc *query;       // until the last row was read (nullptr after)
    MemoryContext row_ctx;  // per-row formatting allocations, reset per row
    StringInfoData lines;   // formatted lines of the current batch, each ended by "\n"
    int pos;                // next unread byte of `lines`
    bool batch_full;        // the receiver stopped the current batch
    CsvReceiver receiver;
};

bool receive_csv_row(TupleTableSlot *slot, DestReceiver *self) {
    CsvStream *st = reinterpret_cast<CsvReceiver *>(self)->stream;
    slot_getallattrs(slot);
    if (slot->tts_tupleDescriptor->natts != kColumnCount) elog(ERROR, "unexpected export row shape");
    MemoryContext old = MemoryContextSwitchTo(st->row_ctx);
    PairRow row;
    for (int c = 0; c < kColumnCount; ++c) {
        row.values[c] = slot->tts_values[c];
        row.nulls[c] = slot->tts_isnull[c];
    }
    std::string &out = line_buffer();
    format_csv_fields(row, out);
    MemoryContextSwitchTo(old);
    appendBinaryStringInfo(&st->lines, out.data(), static_cast<int>(out.size()));
    appendStringInfoChar(&st->lines, '\n');
    MemoryContextReset(st->row_ctx);
    st->batch_full = st->lines.len >= kBatchBytes;
    return !st->batch_full;  // false stops this batch; the next ExecutorRun goes on from here
}

// Called by the executor: the C++ formatting runs inside the error boundary.
bool csv_receive(TupleTableSlot *slot, DestReceiver *self) {
    return tde::pg::cpp_call("tde_csv_stream", [&] { return receive_csv_row(slot, self); });
}

void csv_receiver_noop_startup(DestReceiver *, int, TupleDesc) {}
void csv_receiver_noop(DestReceiver *) {}

// Ends the export query (after its last row, or early: LIMIT, an outer
// query that stops, a rescan).
void finish_csv_query(CsvStream *st) {
    QueryDesc *qd = st->query;
    if (qd == nullptr) return;
    st->query = nullptr;
    PushActiveSnapshot(qd->snapshot);
    ExecutorFinish(qd);
    ExecutorEnd(qd);
    PopActiveSnapshot();
    FreeQueryDesc(qd);
}

void finish_csv_query_callback(Datum arg) { finish_csv_query(reinterpret_cast<CsvStream *>(DatumGetPointer(arg))); }

// Checks the options, then plans and starts the export query in `keep`.
void start_csv_query(FunctionCallInfo fcinfo, CsvStream *st, MemoryContext keep) {
    const char *schema = quote_identifier(get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid)));

    // Bad options and dates are refused before the first line. The date
    // filters (text, date or timestamp: anycompatible) become the text that
    // tde_export_rows() takes.
    if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
    Oid check_types[4] = {TEXTOID, FLOAT8ARRAYOID, TEXTOID, TEXTOID};
    for (int i = 0; i < 2; ++i) {
        const Oid actual = get_fn_expr_argtype(fcinfo->flinfo, i);
        if (!OidIsValid(actual)) elog(ERROR, "tde_csv_stream: cannot determine the type of its date filters");
        check_types[2 + i] = actual;
    }
    Datum check_values[4];
    char check_nulls[4];
    const int check_args[4] = {4, 5, 0, 1};
    for (int i = 0; i < 4; ++i) {
        check_nulls[i] = PG_ARGISNULL(check_args[i]) ? 'n' : ' ';
        check_values[i] = PG_ARGISNULL(check_args[i]) ? 0 : PG_GETARG_DATUM(check_args[i]);
    }
    int rc = SPI_execute_with_args(
        psprintf("SELECT %s.tde_check_export_options('csv', NULL, $1, $2), d.s, d.e, "
                 "%s.tde_date_bound(d.s, false, 'start_date'), %s.tde_date_bound(d.e, true, 'end_date') "
                 "FROM (SELECT %s.tde_date_text($3, 'start_date') AS s, %s.tde_date_text($4, 'end_date') AS e) d",
                 schema, schema, schema, schema, schema),
        4, check_types, check_values, check_nulls, true, 1);
    if (rc != SPI_OK_SELECT || SPI_processed != 1) elog(ERROR, "export option check failed");
    Datum dates[2];
    bool date_nulls[2];
    for (int i = 0; i < 2; ++i) {  // copied out of SPI's memory, which SPI_finish frees
        dates[i] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2 + i, &date_nulls[i]);
        MemoryContext spi = MemoryContextSwitchTo(keep);
        if (!date_nulls[i]) dates[i] = datumCopy(dates[i], false, -1);
        MemoryContextSwitchTo(spi);
    }
    SPI_finish();

    MemoryContext old = MemoryContextSwitchTo(keep);
    ParamListInfo params = makeParamList(6);
    for (int i = 0; i < 6; ++i) {
        ParamExternData &p = params->params[i];
        p.isnull = i < 2 ? date_nulls[i] : PG_ARGISNULL(i);
        p.value = p.isnull ? 0
                  : i < 2  ? dates[i]
                           : datumCopy(PG_GETARG_DATUM(i), i == 2 || i == 3, i == 2 || i == 3 ? 1 : -1);
        p.pflags = PARAM_FLAG_CONST;
        p.ptype = kStreamArgTypes[i];
    }
    const char *sql = psprintf(
        "SELECT p.pair_id, p.natural_language_query, p.sql_query, p.\"timestamp\", p.database_type, "
        "p.database_name, p.table_names, p.success, p.execution_time_ms, NULL::jsonb, p.query_type "
        "FROM %s.tde_export_rows($1, $2, $3, $4, $5, $6) p",
        schema);
    List *raw = pg_parse_query(sql);
    if (list_length(raw) != 1) elog(ERROR, "unexpected export query");
    List *rewritten = pg_analyze_and_rewrite_fixedparams(linitial_node(RawStmt, raw), sql, kStreamArgTypes, 6, nullptr);
    List *planned = pg_plan_queries(rewritten, sql, 0, params);
    if (list_length(planned) != 1) elog(ERROR, "unexpected export plan");

    st->receiver.pub.receiveSlot = csv_receive;
    st->receiver.pub.rStartup = csv_receiver_noop_startup;
    st->receiver.pub.rShutdown = csv_receiver_noop;
    st->receiver.pub.rDestroy = csv_receiver_noop;
    st->receiver.pub.mydest = DestNone;
    st->receiver.stream = st;
    // The statement's snapshot: every batch reads the same data.
    st->query = CreateQueryDesc(linitial_node(PlannedStmt, planned), sql, GetActiveSnapshot(), InvalidSnapshot,
                                &st->receiver.pub, params, nullptr, 0);
    PushActiveSnapshot(st->query->snapshot);
    ExecutorStart(st->query, 0);
    PopActiveSnapshot();
    MemoryContextSwitchTo(old);
}

// Runs the next batch into st->lines; false when there are no more rows.
bool next_csv_batch(CsvStream *st) {
    resetStringInfo(&st->lines);
    st->pos = 0;
    if (st->query == nullptr) return false;
    // A batch that grew the buffer far beyond the usual size gives it back.
    if (st->lines.maxlen > 4 * kBatchBytes) {
        MemoryContext keep = GetMemoryChunkContext(st->lines.data);
        pfree(st->lines.data);
        MemoryContext old = MemoryContextSwitchTo(keep);
        initStringInfo(&st->lines);
        MemoryContextSwitchTo(old);
    }
    st->batch_full = false;
    PushActiveSnapshot(st->query->snapshot);
    ExecutorRun(st->query, ForwardScanDirection, 0, false);  // run again for every batch
    PopActiveSnapshot();
    if (!st->batch_full) finish_csv_query(st);  // the plan ran out of rows
    return st->lines.len > 0;
}

}  // namespace

TDE_FUNCTION(tde_csv_stream) {
    FuncCallContext *funcctx;
    auto *rsinfo = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
    if (SRF_IS_FIRSTCALL()) {
        funcctx = SRF_FIRSTCALL_INIT();
        MemoryContext keep = funcctx->multi_call_memory_ctx;
        auto *st = static_cast<CsvStream *>(MemoryContextAllocZero(keep, sizeof(CsvStream)));
        MemoryContext old = MemoryContextSwitchTo(keep);
        initStringInfo(&st->lines);
        st->row_ctx = AllocSetContextCreate(keep, "tde csv row", ALLOCSET_DEFAULT_SIZES);
        MemoryContextSwitchTo(old);
        start_csv_query(fcinfo, st, keep);
        // The header is the first line.
        appendStringInfoString(&st->lines, kCsvHeader);
        appendStringInfoChar(&st->lines, '\n');
        funcctx->user_fctx = st;
        RegisterExprContextCallback(rsinfo->econtext, finish_csv_query_callback, PointerGetDatum(st));
    }
    funcctx = SRF_PERCALL_SETUP();
    auto *st = static_cast<CsvStream *>(funcctx->user_fctx);
    if (st->pos >= st->lines.len && !next_csv_batch(st)) {
        UnregisterExprContextCallback(rsinfo->econtext, finish_csv_query_callback, PointerGetDatum(st));
        SRF_RETURN_DONE(funcctx);
    }
    const char *start = st->lines.data + st->pos;
    const char *newline = static_cast<const char *>(memchr(start, '\n', st->lines.len - st->pos));
    int len = static_cast<int>(newline - start);
    st->pos += len + 1;
    SRF_RETURN_NEXT(funcctx, PointerGetDatum(cstring_to_text_with_len(start, len)));
}

// Planner support function of tde_export_csv(): in the SELECT list, the call
// becomes a call of tde_csv_stream() with the same (already expanded)
// arguments. Left alone when the user may not execute tde_export_csv(), so
// that the permission error names the function that was called, and in FROM
// (see below).
TDE_FUNCTION(tde_export_support) {
    Node *raw = reinterpret_cast<Node *>(PG_GETARG_POINTER(0));
    if (!IsA(raw, SupportRequestSimplify)) PG_RETURN_POINTER(nullptr);
    auto *req = reinterpret_cast<SupportRequestSimplify *>(raw);
    FuncExpr *call = req->fcall;
    if (!call->funcretset || list_length(call->args) != 6) PG_RETURN_POINTER(nullptr);
    if (pg_proc_aclcheck(call->funcid, GetUserId(), ACL_EXECUTE) != ACLCHECK_OK) PG_RETURN_POINTER(nullptr);
    // In FROM the planner simplifies the call before it tries to inline the
    // SQL function; inlining streams there, while a C function in FROM would
    // be collected into a tuplestore first. So a call is left alone while its
    // query level still has this function in FROM (once inlined, the FROM
    // entry is a subquery and a call in the SELECT list is replaced).
    if (req->root == nullptr) PG_RETURN_POINTER(nullptr);
    ListCell *lc;
    foreach (lc, req->root->parse->rtable) {
        auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
        if (rte->rtekind != RTE_FUNCTION) continue;
        ListCell *fc;
        foreach (fc, rte->functions) {
            Node *expr = static_cast<RangeTblFunction *>(lfirst(fc))->funcexpr;
            if (expr != nullptr && IsA(expr, FuncExpr) && reinterpret_cast<FuncExpr *>(expr)->funcid == call->funcid)
                PG_RETURN_POINTER(nullptr);
        }
    }
    Oid nsp = get_func_namespace(call->funcid);
    List *name = list_make2(makeString(get_namespace_name(nsp)), makeString(pstrdup("tde_csv_stream")));
    Oid stream = LookupFuncName(name, 6, kStreamSignature, true);
    if (!OidIsValid(stream)) PG_RETURN_POINTER(nullptr);
    // A cached plan that uses the replacement is invalidated when
    // tde_export_csv() changes, as for an inlined function.
    record_plan_function_dependency(req->root, call->funcid);
    FuncExpr *replacement = makeFuncExpr(stream, TEXTOID, call->args, call->funccollid, call->inputcollid,
                                         COERCE_EXPLICIT_CALL);
    replacement->funcretset = true;
    replacement->location = call->location;
    PG_RETURN_POINTER(replacement);
}
