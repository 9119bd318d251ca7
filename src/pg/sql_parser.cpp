// derive_sql(), literal_spans() and tde_sql_info(): see sql_parser.hpp.
//
// Layout: the parts that call PostgreSQL (parse_phase, scan_phase and the
// raw-tree walk they run) are C-style: they hold no C++ object with a
// destructor and catch every ERROR themselves (PG_TRY in a private memory
// context), so they can be called from C++ with live objects. Everything
// else is C++ over their plain-data results.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/sql_analyzer.hpp"
#include "pg/error_boundary.hpp"
#include "pg/sql_parser.hpp"

extern "C" {
#include "common/keywords.h"
#include "nodes/nodeFuncs.h"
#include "nodes/parsenodes.h"
#include "parser/parser.h"
#include "parser/scanner.h"
// gram.h only after scanner.h (which defines YYLTYPE).
#include "parser/gram.h"
#include "tcop/cmdtag.h"
#include "tcop/utility.h"
#include "utils/elog.h"
}

namespace tde::pg {
namespace {

using tde::core::SqlDialect;
using tde::core::SqlToken;
using tde::core::SqlTokenKind;
using Span = std::pair<size_t, size_t>;

// ---------------------------------------------------------------------------
// C-style part: no C++ objects with destructors below until "C++ part".

// Errors that are not about the SQL text: re-raised, never swallowed.
bool is_fatal_error(int sqlerrcode) {
    const int category = ERRCODE_TO_CATEGORY(sqlerrcode);
    return category == ERRCODE_TO_CATEGORY(ERRCODE_INSUFFICIENT_RESOURCES) ||
           category == ERRCODE_TO_CATEGORY(ERRCODE_OPERATOR_INTERVENTION) ||
           category == ERRCODE_TO_CATEGORY(ERRCODE_SYSTEM_ERROR);
}

// The parser and scanner may emit NOTICEs (identifier truncated) and
// WARNINGs (nonstandard backslash use): analysing a pair's SQL is not running
// it, so they are silenced while it runs.
struct QuietMessages {
    int client;
    int log;
};

void quiet_begin(QuietMessages *q) {
    q->client = client_min_messages;
    q->log = log_min_messages;
    if (client_min_messages < ERROR) client_min_messages = ERROR;
    if (log_min_messages < ERROR) log_min_messages = ERROR;
}

void quiet_end(const QuietMessages *q) {
    client_min_messages = q->client;
    log_min_messages = q->log;
}

struct WalkCtx {
    List *tables;        // char * (palloc'd "catalog.schema.rel")
    List *ctes;          // char * CTE names in scope (a stack)
    List *consts;        // int: source offsets of value constants (A_Const) that $n may replace
    List *shape_consts;  // int: offsets of constants for the fingerprint only (typed literals
                         // DATE '...', and constants of utility statements: $n would not parse there)
    bool utility;        // walking a utility statement's expression: constants go to shape_consts
    bool unknown;        // Unknown dialect: drop the core analyzer's pseudo tables too
    const char *src;
};

bool walk_node(Node *node, void *context);

void walk(Node *node, WalkCtx *w) {
    if (node != nullptr) walk_node(node, w);
}

bool is_table_like(ObjectType t) {
    return t == OBJECT_TABLE || t == OBJECT_VIEW || t == OBJECT_MATVIEW || t == OBJECT_FOREIGN_TABLE;
}

// Single-part names the C++ analyzer never reports (ON CONFLICT's excluded;
// for an Unknown dialect also T-SQL's inserted/deleted and MySQL's dual).
bool is_pseudo_table(const WalkCtx *w, const char *name, int location) {
    if (pg_strcasecmp(name, "excluded") == 0) return true;
    if (!w->unknown) return false;
    if (pg_strcasecmp(name, "inserted") == 0 || pg_strcasecmp(name, "deleted") == 0) return true;
    const bool quoted = location >= 0 && w->src[location] == '"';
    return !quoted && strcmp(name, "dual") == 0;
}

void add_name(WalkCtx *w, const char *catalog, const char *schema, const char *rel) {
    StringInfoData buf;
    initStringInfo(&buf);
    if (catalog != nullptr) {
        appendStringInfoString(&buf, catalog);
        appendStringInfoChar(&buf, '.');
    }
    if (schema != nullptr) {
        appendStringInfoString(&buf, schema);
        appendStringInfoChar(&buf, '.');
    }
    appendStringInfoString(&buf, rel);
    w->tables = lappend(w->tables, buf.data);
}

// A relation named in the SQL. `cte_visible`: a FROM-like position, where an
// unqualified name may be a CTE in scope (DML/DDL targets never are).
void add_rangevar(WalkCtx *w, RangeVar *rv, bool cte_visible) {
    if (rv == nullptr || rv->relname == nullptr) return;
    if (rv->schemaname == nullptr && rv->catalogname == nullptr) {
        if (cte_visible) {
            ListCell *lc;
            foreach (lc, w->ctes)
                if (strcmp(static_cast<const char *>(lfirst(lc)), rv->relname) == 0) return;
        }
        if (is_pseudo_table(w, rv->relname, rv->location)) return;
    }
    add_name(w, rv->catalogname, rv->schemaname, rv->relname);
}

void add_rangevars(WalkCtx *w, List *rangevars) {
    ListCell *lc;
    foreach (lc, rangevars)
        if (IsA(lfirst(lc), RangeVar)) add_rangevar(w, lfirst_node(RangeVar, lc), false);
}

// DROP's names: lists of String parts.
void add_qualified_name(WalkCtx *w, List *parts) {
    const int n = list_length(parts);
    if (n < 1 || n > 3) return;
    const char *p[3] = {nullptr, nullptr, nullptr};
    for (int i = 0; i < n; ++i) {
        Node *part = static_cast<Node *>(list_nth(parts, i));
        if (!IsA(part, String)) return;
        p[3 - n + i] = strVal(part);
    }
    if (n == 1 && is_pseudo_table(w, p[2], -1)) return;
    add_name(w, p[0], p[1], p[2]);
}

// Pushes the CTE names of `with` (recursive: all before any body; otherwise
// each after its own body) and walks the bodies. Returns the depth to pop to.
int push_with(WithClause *with, WalkCtx *w) {
    const int saved = list_length(w->ctes);
    if (with == nullptr) return saved;
    ListCell *lc;
    if (with->recursive) {
        foreach (lc, with->ctes)
            w->ctes = lappend(w->ctes, lfirst_node(CommonTableExpr, lc)->ctename);
        foreach (lc, with->ctes)
            walk(lfirst_node(CommonTableExpr, lc)->ctequery, w);
    } else {
        foreach (lc, with->ctes) {
            CommonTableExpr *cte = lfirst_node(CommonTableExpr, lc);
            walk(cte->ctequery, w);
            w->ctes = lappend(w->ctes, cte->ctename);
        }
    }
    return saved;
}

void pop_with(WalkCtx *w, int saved) { w->ctes = list_truncate(w->ctes, saved); }

// An expression of a utility statement (a column default, a CHECK, an index
// predicate, a SET value, a partition bound...): its constants are constants
// of the fingerprint; the normalized text keeps them (`SET work_mem = $1` and
// `varchar($1)` would not parse).
void walk_utility(Node *node, WalkCtx *w) {
    if (node == nullptr) return;
    const bool saved = w->utility;
    w->utility = true;
    walk(node, w);
    w->utility = saved;
}

void walk_constraint(Node *node, WalkCtx *w) {
    if (node == nullptr || !IsA(node, Constraint)) return;
    Constraint *c = reinterpret_cast<Constraint *>(node);
    if (c->contype == CONSTR_FOREIGN) add_rangevar(w, c->pktable, false);
    walk_utility(c->raw_expr, w);  // CHECK, DEFAULT, GENERATED
    walk_utility(c->where_clause, w);  // EXCLUDE ... WHERE
    ListCell *lc;
    foreach (lc, c->exclusions) {  // (IndexElem, operator name) pairs
        Node *pair = static_cast<Node *>(lfirst(lc));
        if (pair == nullptr || !IsA(pair, List) || list_length(reinterpret_cast<List *>(pair)) < 1) continue;
        Node *elem = static_cast<Node *>(linitial(reinterpret_cast<List *>(pair)));
        if (elem != nullptr && IsA(elem, IndexElem)) walk_utility(reinterpret_cast<IndexElem *>(elem)->expr, w);
    }
}

void walk_column_def(ColumnDef *cd, WalkCtx *w) {
    walk(reinterpret_cast<Node *>(cd->typeName), w);
    walk_utility(cd->raw_default, w);  // ALTER COLUMN ... TYPE ... USING expr
    ListCell *lc;
    foreach (lc, cd->constraints)
        walk_constraint(static_cast<Node *>(lfirst(lc)), w);
}

// FOR VALUES IN (...) / FROM (...) TO (...): raw expressions (MINVALUE is a ColumnRef).
void walk_partition_bound(PartitionBoundSpec *b, WalkCtx *w) {
    if (b == nullptr) return;
    walk_utility(reinterpret_cast<Node *>(b->listdatums), w);
    walk_utility(reinterpret_cast<Node *>(b->lowerdatums), w);
    walk_utility(reinterpret_cast<Node *>(b->upperdatums), w);
}

void walk_index_elems(List *elems, WalkCtx *w) {
    ListCell *lc;
    foreach (lc, elems) {
        Node *e = static_cast<Node *>(lfirst(lc));
        if (e != nullptr && IsA(e, IndexElem)) walk_utility(reinterpret_cast<IndexElem *>(e)->expr, w);
    }
}

// SET name = value, ...: A_Consts (TypeCast for SET TIME ZONE INTERVAL '...');
// SET TRANSACTION's DefElems hold no A_Const (and the raw walker rejects them).
void walk_set(VariableSetStmt *s, WalkCtx *w) {
    if (s == nullptr) return;
    ListCell *lc;
    foreach (lc, s->args) {
        Node *arg = static_cast<Node *>(lfirst(lc));
        if (arg != nullptr && (IsA(arg, A_Const) || IsA(arg, TypeCast))) walk_utility(arg, w);
    }
}

// CREATE TABLE elements: columns (REFERENCES), table constraints, LIKE.
void walk_table_elements(List *elements, WalkCtx *w) {
    ListCell *lc;
    foreach (lc, elements) {
        Node *e = static_cast<Node *>(lfirst(lc));
        if (IsA(e, ColumnDef))
            walk_column_def(reinterpret_cast<ColumnDef *>(e), w);
        else if (IsA(e, Constraint))
            walk_constraint(e, w);
        else if (IsA(e, TableLikeClause))
            add_rangevar(w, reinterpret_cast<TableLikeClause *>(e)->relation, false);
    }
}

void walk_stmt(Node *stmt, WalkCtx *w);

void walk_create(CreateStmt *cs, WalkCtx *w) {
    add_rangevar(w, cs->relation, false);
    add_rangevars(w, cs->inhRelations);  // INHERITS (...), PARTITION OF
    walk_table_elements(cs->tableElts, w);
    walk_table_elements(cs->constraints, w);
    walk_partition_bound(cs->partbound, w);
    if (cs->partspec != nullptr) {
        ListCell *lc;
        foreach (lc, cs->partspec->partParams) {
            Node *e = static_cast<Node *>(lfirst(lc));
            if (e != nullptr && IsA(e, PartitionElem)) walk_utility(reinterpret_cast<PartitionElem *>(e)->expr, w);
        }
    }
}

void walk_alter_table(AlterTableStmt *at, WalkCtx *w) {
    if (!is_table_like(at->objtype)) return;
    add_rangevar(w, at->relation, false);
    ListCell *lc;
    foreach (lc, at->cmds) {
        AlterTableCmd *cmd = lfirst_node(AlterTableCmd, lc);
        Node *def = cmd->def;
        if (def == nullptr) continue;
        if (IsA(def, ColumnDef))
            walk_column_def(reinterpret_cast<ColumnDef *>(def), w);
        else if (IsA(def, Constraint))
            walk_constraint(def, w);
        else if (IsA(def, RangeVar))  // INHERIT / NO INHERIT parent
            add_rangevar(w, reinterpret_cast<RangeVar *>(def), false);
        else if (IsA(def, PartitionCmd)) {
            add_rangevar(w, reinterpret_cast<PartitionCmd *>(def)->name, false);
            walk_partition_bound(reinterpret_cast<PartitionCmd *>(def)->bound, w);
        } else if (cmd->subtype == AT_ColumnDefault)  // ALTER COLUMN c SET DEFAULT expr
            walk_utility(def, w);
    }
}

// COMMENT ON TABLE | VIEW | ... name, COMMENT ON COLUMN [schema.]table.column.
void walk_comment(CommentStmt *s, WalkCtx *w) {
    if (s->object == nullptr || !IsA(s->object, List)) return;
    List *parts = reinterpret_cast<List *>(s->object);
    if (is_table_like(s->objtype))
        add_qualified_name(w, parts);
    else if (s->objtype == OBJECT_COLUMN && list_length(parts) >= 2)
        add_qualified_name(w, list_truncate(list_copy(parts), list_length(parts) - 1));
}

// SQL-standard function bodies: RETURN expr | BEGIN ATOMIC stmt; ... END.
void walk_sql_body(Node *body, WalkCtx *w) {
    if (body == nullptr) return;
    if (IsA(body, ReturnStmt)) {
        walk(reinterpret_cast<ReturnStmt *>(body)->returnval, w);
        return;
    }
    if (!IsA(body, List)) return;
    ListCell *lc;
    foreach (lc, reinterpret_cast<List *>(body)) {
        Node *item = static_cast<Node *>(lfirst(lc));
        if (item != nullptr && IsA(item, List)) {
            ListCell *lc2;
            foreach (lc2, reinterpret_cast<List *>(item))
                walk_stmt(static_cast<Node *>(lfirst(lc2)), w);
        } else {
            walk_stmt(item, w);
        }
    }
}

// One raw statement. raw_expression_tree_walker covers DML only: utility
// statements are taken apart here; those not listed name no table.
void walk_stmt(Node *stmt, WalkCtx *w) {
    if (stmt == nullptr) return;
    check_stack_depth();
    ListCell *lc;
    switch (nodeTag(stmt)) {
        case T_SelectStmt:
        case T_InsertStmt:
        case T_UpdateStmt:
        case T_DeleteStmt:
        case T_MergeStmt:
            walk(stmt, w);
            break;
        case T_ReturnStmt:
            walk(reinterpret_cast<ReturnStmt *>(stmt)->returnval, w);
            break;
        case T_CreateStmt:
        case T_CreateForeignTableStmt:
            walk_create(reinterpret_cast<CreateStmt *>(stmt), w);
            break;
        case T_CreateTableAsStmt: {
            CreateTableAsStmt *s = reinterpret_cast<CreateTableAsStmt *>(stmt);
            if (s->into != nullptr) add_rangevar(w, s->into->rel, false);
            walk_stmt(s->query, w);
            break;
        }
        case T_CreateSchemaStmt:  // CREATE SCHEMA s CREATE TABLE t ... CREATE VIEW v ...: its elements
            foreach (lc, reinterpret_cast<CreateSchemaStmt *>(stmt)->schemaElts)
                walk_stmt(static_cast<Node *>(lfirst(lc)), w);
            break;
        case T_ViewStmt: {
            ViewStmt *s = reinterpret_cast<ViewStmt *>(stmt);
            add_rangevar(w, s->view, false);
            walk_stmt(s->query, w);
            break;
        }
        case T_IndexStmt: {
            IndexStmt *s = reinterpret_cast<IndexStmt *>(stmt);
            add_rangevar(w, s->relation, false);
            walk_index_elems(s->indexParams, w);
            walk_utility(s->whereClause, w);
            break;
        }
        case T_CreateTrigStmt:
            add_rangevar(w, reinterpret_cast<CreateTrigStmt *>(stmt)->relation, false);
            add_rangevar(w, reinterpret_cast<CreateTrigStmt *>(stmt)->constrrel, false);  // CONSTRAINT TRIGGER ... FROM t
            walk_utility(reinterpret_cast<CreateTrigStmt *>(stmt)->whenClause, w);
            break;
        case T_AlterTableStmt:
            walk_alter_table(reinterpret_cast<AlterTableStmt *>(stmt), w);
            break;
        case T_RenameStmt: {
            RenameStmt *s = reinterpret_cast<RenameStmt *>(stmt);
            // (ALTER TABLE t RENAME CONSTRAINT leaves relationType unset.)
            if (is_table_like(s->renameType) || s->renameType == OBJECT_TABCONSTRAINT ||
                (s->renameType == OBJECT_COLUMN && is_table_like(s->relationType)))
                add_rangevar(w, s->relation, false);
            break;
        }
        case T_AlterObjectSchemaStmt: {
            AlterObjectSchemaStmt *s = reinterpret_cast<AlterObjectSchemaStmt *>(stmt);
            if (is_table_like(s->objectType)) add_rangevar(w, s->relation, false);
            break;
        }
        case T_DropStmt: {
            DropStmt *s = reinterpret_cast<DropStmt *>(stmt);
            if (!is_table_like(s->removeType)) break;
            foreach (lc, s->objects) {
                Node *name = static_cast<Node *>(lfirst(lc));
                if (name != nullptr && IsA(name, List)) add_qualified_name(w, reinterpret_cast<List *>(name));
            }
            break;
        }
        case T_TruncateStmt:
            add_rangevars(w, reinterpret_cast<TruncateStmt *>(stmt)->relations);
            break;
        case T_LockStmt:
            add_rangevars(w, reinterpret_cast<LockStmt *>(stmt)->relations);
            break;
        case T_CopyStmt: {
            CopyStmt *s = reinterpret_cast<CopyStmt *>(stmt);
            add_rangevar(w, s->relation, false);
            walk_stmt(s->query, w);
            break;
        }
        case T_ExplainStmt:
            walk_stmt(reinterpret_cast<ExplainStmt *>(stmt)->query, w);
            break;
        case T_VacuumStmt:
            foreach (lc, reinterpret_cast<VacuumStmt *>(stmt)->rels) {
                Node *r = static_cast<Node *>(lfirst(lc));
                if (r != nullptr && IsA(r, VacuumRelation))
                    add_rangevar(w, reinterpret_cast<VacuumRelation *>(r)->relation, false);
            }
            break;
        case T_GrantStmt: {
            GrantStmt *s = reinterpret_cast<GrantStmt *>(stmt);
            if (s->targtype == ACL_TARGET_OBJECT && s->objtype == OBJECT_TABLE) add_rangevars(w, s->objects);
            break;
        }
        case T_RefreshMatViewStmt:
            add_rangevar(w, reinterpret_cast<RefreshMatViewStmt *>(stmt)->relation, false);
            break;
        case T_PrepareStmt:
            walk_stmt(reinterpret_cast<PrepareStmt *>(stmt)->query, w);
            break;
        case T_DeclareCursorStmt:
            walk_stmt(reinterpret_cast<DeclareCursorStmt *>(stmt)->query, w);
            break;
        case T_ExecuteStmt:
            walk(reinterpret_cast<Node *>(reinterpret_cast<ExecuteStmt *>(stmt)->params), w);
            break;
        case T_CallStmt:
            walk(reinterpret_cast<Node *>(reinterpret_cast<CallStmt *>(stmt)->funccall), w);
            break;
        case T_CreateFunctionStmt: {
            CreateFunctionStmt *s = reinterpret_cast<CreateFunctionStmt *>(stmt);
            foreach (lc, s->parameters) {  // (a int DEFAULT 5)
                Node *p = static_cast<Node *>(lfirst(lc));
                if (p != nullptr && IsA(p, FunctionParameter))
                    walk_utility(reinterpret_cast<FunctionParameter *>(p)->defexpr, w);
            }
            walk_sql_body(s->sql_body, w);
            break;
        }
        case T_RuleStmt: {
            RuleStmt *s = reinterpret_cast<RuleStmt *>(stmt);
            add_rangevar(w, s->relation, false);  // CREATE RULE r AS ON ... TO t
            walk(s->whereClause, w);
            foreach (lc, s->actions)
                walk_stmt(static_cast<Node *>(lfirst(lc)), w);
            break;
        }
        case T_CreatePolicyStmt: {
            CreatePolicyStmt *s = reinterpret_cast<CreatePolicyStmt *>(stmt);
            add_rangevar(w, s->table, false);
            walk(s->qual, w);
            walk(s->with_check, w);
            break;
        }
        case T_AlterPolicyStmt: {
            AlterPolicyStmt *s = reinterpret_cast<AlterPolicyStmt *>(stmt);
            add_rangevar(w, s->table, false);
            walk(s->qual, w);
            walk(s->with_check, w);
            break;
        }
        case T_ClusterStmt:
            add_rangevar(w, reinterpret_cast<ClusterStmt *>(stmt)->relation, false);
            break;
        case T_ReindexStmt: {
            ReindexStmt *s = reinterpret_cast<ReindexStmt *>(stmt);
            if (s->kind == REINDEX_OBJECT_TABLE) add_rangevar(w, s->relation, false);
            break;
        }
        case T_CommentStmt:
            walk_comment(reinterpret_cast<CommentStmt *>(stmt), w);
            break;
        case T_CreateStatsStmt: {
            CreateStatsStmt *s = reinterpret_cast<CreateStatsStmt *>(stmt);
            add_rangevars(w, s->relations);
            foreach (lc, s->exprs) {
                Node *e = static_cast<Node *>(lfirst(lc));
                if (e != nullptr && IsA(e, StatsElem)) walk_utility(reinterpret_cast<StatsElem *>(e)->expr, w);
            }
            break;
        }
        case T_CreateDomainStmt:
            foreach (lc, reinterpret_cast<CreateDomainStmt *>(stmt)->constraints)
                walk_constraint(static_cast<Node *>(lfirst(lc)), w);
            break;
        case T_AlterDomainStmt: {
            AlterDomainStmt *s = reinterpret_cast<AlterDomainStmt *>(stmt);
            if (s->def != nullptr && IsA(s->def, Constraint))
                walk_constraint(s->def, w);
            else if (s->subtype == 'T')  // SET DEFAULT expr
                walk_utility(s->def, w);
            break;
        }
        case T_VariableSetStmt:
            walk_set(reinterpret_cast<VariableSetStmt *>(stmt), w);
            break;
        case T_AlterSystemStmt:
            walk_set(reinterpret_cast<AlterSystemStmt *>(stmt)->setstmt, w);
            break;
        case T_AlterRoleSetStmt:
            walk_set(reinterpret_cast<AlterRoleSetStmt *>(stmt)->setstmt, w);
            break;
        case T_AlterDatabaseSetStmt:
            walk_set(reinterpret_cast<AlterDatabaseSetStmt *>(stmt)->setstmt, w);
            break;
        default:
            break;
    }
}

using RawWalker = bool (*)();

bool is_ident_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           c >= 0x80;
}

// The string constant at `location` is written n'...' / N'...' (the scanner's
// NCHAR token: an n that does not end a longer word, glued to the quote).
bool is_nchar_literal(const char *src, int location) {
    if (location < 1 || (src[location - 1] | 0x20) != 'n') return false;
    return location == 1 || !is_ident_byte(static_cast<unsigned char>(src[location - 2]));
}

// An integer constant used as a column position (ORDER BY 1, GROUP BY 2).
bool is_position(Node *node) {
    return node != nullptr && IsA(node, A_Const) && IsA(&reinterpret_cast<A_Const *>(node)->val, Integer);
}

// The raw-tree walker: RangeVars in relation positions, CTE scopes, DML
// targets, type modifiers; everything else through raw_expression_tree_walker.
bool walk_node(Node *node, void *context) {
    WalkCtx *w = static_cast<WalkCtx *>(context);
    if (node == nullptr) return false;
    check_stack_depth();
    switch (nodeTag(node)) {
        case T_RangeVar:
            add_rangevar(w, reinterpret_cast<RangeVar *>(node), true);
            return false;
        case T_LockingClause:  // FOR UPDATE OF a, b: references to FROM items
            return false;
        case T_A_Const: {  // a value constant (its location is the '-' of a negative number)
            const int location = reinterpret_cast<A_Const *>(node)->location;
            if (location < 0) return false;
            if (w->utility)
                w->shape_consts = lappend_int(w->shape_consts, location);
            else
                w->consts = lappend_int(w->consts, location);
            return false;
        }
        case T_TypeCast: {
            // A typed literal (DATE '...', interval '2' day, n'...'): the grammar's
            // TypeCast without a location around the string constant.
            TypeCast *tc = reinterpret_cast<TypeCast *>(node);
            if (tc->location >= 0 || tc->arg == nullptr || !IsA(tc->arg, A_Const)) break;
            int location = reinterpret_cast<A_Const *>(tc->arg)->location;
            if (location < 0) return false;
            if (is_nchar_literal(w->src, location)) {
                // n'...': one constant with its prefix (tokens_from_scan joins them), so
                // that $n replaces both; `n$1` would be an identifier.
                --location;
                if (w->utility)
                    w->shape_consts = lappend_int(w->shape_consts, location);
                else
                    w->consts = lappend_int(w->consts, location);
            } else {
                // `DATE $1` does not parse: a constant of the fingerprint only.
                w->shape_consts = lappend_int(w->shape_consts, location);
            }
            return false;
        }
        case T_TypeName:  // varchar(20): type modifiers are part of the shape
            return false;
        case T_GroupingSet: {  // ROLLUP (1, 2), CUBE, GROUPING SETS: column positions too
            ListCell *lc;
            foreach (lc, reinterpret_cast<GroupingSet *>(node)->content)
                if (!is_position(static_cast<Node *>(lfirst(lc)))) walk(static_cast<Node *>(lfirst(lc)), w);
            return false;
        }
        case T_WindowDef: {  // OVER (ORDER BY 1): a constant there, not a position
            WindowDef *d = reinterpret_cast<WindowDef *>(node);
            walk(reinterpret_cast<Node *>(d->partitionClause), w);
            ListCell *lc;
            foreach (lc, d->orderClause) {
                Node *item = static_cast<Node *>(lfirst(lc));
                walk(item != nullptr && IsA(item, SortBy) ? reinterpret_cast<SortBy *>(item)->node : item, w);
            }
            walk(d->startOffset, w);
            walk(d->endOffset, w);
            return false;
        }
        case T_SortBy: {  // ORDER BY 1: a column position, part of the shape
            Node *key = reinterpret_cast<SortBy *>(node)->node;
            if (is_position(key)) return false;
            return walk_node(key, context);
        }
        case T_SelectStmt: {
            SelectStmt *s = reinterpret_cast<SelectStmt *>(node);
            const int saved = push_with(s->withClause, w);
            if (s->intoClause != nullptr) add_rangevar(w, s->intoClause->rel, false);
            ListCell *lc;
            foreach (lc, s->distinctClause)  // DISTINCT ON (1): a column position
                if (!is_position(static_cast<Node *>(lfirst(lc)))) walk(static_cast<Node *>(lfirst(lc)), w);
            walk(reinterpret_cast<Node *>(s->targetList), w);
            walk(reinterpret_cast<Node *>(s->fromClause), w);
            walk(s->whereClause, w);
            foreach (lc, s->groupClause)  // GROUP BY 1: a column position
                if (!is_position(static_cast<Node *>(lfirst(lc)))) walk(static_cast<Node *>(lfirst(lc)), w);
            walk(s->havingClause, w);
            walk(reinterpret_cast<Node *>(s->windowClause), w);
            walk(reinterpret_cast<Node *>(s->valuesLists), w);
            walk(reinterpret_cast<Node *>(s->sortClause), w);
            walk(s->limitOffset, w);
            walk(s->limitCount, w);
            walk(reinterpret_cast<Node *>(s->larg), w);
            walk(reinterpret_cast<Node *>(s->rarg), w);
            pop_with(w, saved);
            return false;
        }
        case T_InsertStmt: {
            InsertStmt *s = reinterpret_cast<InsertStmt *>(node);
            const int saved = push_with(s->withClause, w);
            add_rangevar(w, s->relation, false);
            walk(s->selectStmt, w);
            walk(reinterpret_cast<Node *>(s->onConflictClause), w);
            walk(reinterpret_cast<Node *>(s->returningList), w);
            pop_with(w, saved);
            return false;
        }
        case T_UpdateStmt: {
            UpdateStmt *s = reinterpret_cast<UpdateStmt *>(node);
            const int saved = push_with(s->withClause, w);
            add_rangevar(w, s->relation, false);
            walk(reinterpret_cast<Node *>(s->targetList), w);
            walk(reinterpret_cast<Node *>(s->fromClause), w);
            walk(s->whereClause, w);
            walk(reinterpret_cast<Node *>(s->returningList), w);
            pop_with(w, saved);
            return false;
        }
        case T_DeleteStmt: {
            DeleteStmt *s = reinterpret_cast<DeleteStmt *>(node);
            const int saved = push_with(s->withClause, w);
            add_rangevar(w, s->relation, false);
            walk(reinterpret_cast<Node *>(s->usingClause), w);
            walk(s->whereClause, w);
            walk(reinterpret_cast<Node *>(s->returningList), w);
            pop_with(w, saved);
            return false;
        }
        case T_MergeStmt: {
            MergeStmt *s = reinterpret_cast<MergeStmt *>(node);
            const int saved = push_with(s->withClause, w);
            add_rangevar(w, s->relation, false);
            walk(s->sourceRelation, w);
            walk(s->joinCondition, w);
            ListCell *lc;
            foreach (lc, s->mergeWhenClauses) {
                MergeWhenClause *m = lfirst_node(MergeWhenClause, lc);
                walk(m->condition, w);
                walk(reinterpret_cast<Node *>(m->targetList), w);
                walk(reinterpret_cast<Node *>(m->values), w);
            }
            pop_with(w, saved);
            return false;
        }
        default:
            break;
    }
    // (via void (*)(): the walker is called with (node, context) as declared.)
    return raw_expression_tree_walker(node, reinterpret_cast<RawWalker>(reinterpret_cast<void (*)()>(walk_node)),
                                      context);
}

const char *classify_tag(Node *stmt) {
    return GetCommandTagName(CreateCommandTag(stmt));
}

// PostgreSQL's scanner takes time quadratic in the length of some texts, with
// no check for cancel requests (40 KB of "/*" 1.6 s, 80 KB of "+-" 7.8 s): a
// text over 32 KB with many comment openers or a long run of operator
// characters is not given to it (nor to its parser); the core analyzer and
// the dialect lexer read it, as another dialect's SQL.
bool too_slow_for_pg_scanner(std::string_view sql) {
    if (sql.size() <= 32 * 1024) return false;
    size_t openers = 0, run = 0, longest = 0;
    for (size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') ++openers;
        if (std::strchr("+-*/<>=~!@#%^&|`?", c) != nullptr && c != '\0') {
            longest = std::max(longest, ++run);
        } else {
            run = 0;
        }
    }
    return openers > 256 || longest > 256;
}

struct ParseOutcome {
    bool parsed;              // raw_parser() accepted the text
    bool walked;              // and the walk finished
    const char *command_tag;  // of the first statement; nullptr when there is none
    List *tables;             // char *
    List *consts;             // int offsets of value constants ($n may replace them)
    List *shape_consts;       // int offsets of constants of the fingerprint only
    ErrorData *fatal;         // an error to re-raise (in the caller's context)
};

// raw_parser() + walk, all allocations in `ctx`.
void parse_phase(MemoryContext ctx, const char *sql, size_t len, bool unknown, ParseOutcome *out) {
    MemoryContext caller = CurrentMemoryContext;
    QuietMessages quiet;
    quiet_begin(&quiet);
    PG_TRY();
    {
        MemoryContextSwitchTo(ctx);
        char *buf = pnstrdup(sql, len);
        List *stmts = raw_parser(buf, RAW_PARSE_DEFAULT);
        out->parsed = true;
        WalkCtx *w = static_cast<WalkCtx *>(palloc0(sizeof(WalkCtx)));
        w->unknown = unknown;
        w->src = buf;
        if (stmts != NIL) out->command_tag = classify_tag(linitial_node(RawStmt, stmts)->stmt);
        ListCell *lc;
        foreach (lc, stmts)
            walk_stmt(lfirst_node(RawStmt, lc)->stmt, w);
        out->tables = w->tables;
        out->consts = w->consts;
        out->shape_consts = w->shape_consts;
        out->walked = true;
    }
    PG_CATCH();
    {
        MemoryContextSwitchTo(caller);
        ErrorData *edata = CopyErrorData();
        FlushErrorState();
        if (is_fatal_error(edata->sqlerrcode))
            out->fatal = edata;
        else
            FreeErrorData(edata);
    }
    PG_END_TRY();
    MemoryContextSwitchTo(caller);
    quiet_end(&quiet);
}

struct ScanTok {
    int token;
    int begin;
    int end;
    int param;      // PARAM: its number
    bool reserved;  // a reserved keyword
};

struct ScanOutcome {
    bool ok;
    ScanTok *toks;
    int count;
    bool standard_strings;  // standard_conforming_strings while scanning
    ErrorData *fatal;
};

bool is_keyword_token(int tok) {
    if (tok < 256) return false;
    switch (tok) {
        case IDENT:
        case UIDENT:
        case FCONST:
        case SCONST:
        case USCONST:
        case BCONST:
        case XCONST:
        case Op:
        case ICONST:
        case PARAM:
        case TYPECAST:
        case DOT_DOT:
        case COLON_EQUALS:
        case EQUALS_GREATER:
        case LESS_EQUALS:
        case GREATER_EQUALS:
        case NOT_EQUALS:
            return false;
        default:
            return true;
    }
}

// core_yylex over the text, all allocations in `ctx`. A token ends where flex
// put its NUL (what pg_stat_statements relies on too).
void scan_phase(MemoryContext ctx, const char *sql, size_t len, ScanOutcome *out) {
    MemoryContext caller = CurrentMemoryContext;
    QuietMessages quiet;
    quiet_begin(&quiet);
    out->standard_strings = standard_conforming_strings;
    PG_TRY();
    {
        MemoryContextSwitchTo(ctx);
        char *buf = pnstrdup(sql, len);
        core_yy_extra_type extra;
        core_yyscan_t scanner = scanner_init(buf, &extra, &ScanKeywords, ScanKeywordTokens);
        int cap = 64;
        int n = 0;
        ScanTok *toks = static_cast<ScanTok *>(palloc(sizeof(ScanTok) * cap));
        for (;;) {
            core_YYSTYPE yylval;
            YYLTYPE yylloc = 0;
            const int tok = core_yylex(&yylval, &yylloc, scanner);
            if (tok == 0) break;
            if (n == cap) {
                cap *= 2;
                toks = static_cast<ScanTok *>(repalloc(toks, sizeof(ScanTok) * cap));
            }
            ScanTok *t = &toks[n++];
            t->token = tok;
            t->begin = yylloc;
            t->end = yylloc + static_cast<int>(strlen(extra.scanbuf + yylloc));
            t->param = tok == PARAM ? yylval.ival : 0;
            t->reserved = false;
            if (is_keyword_token(tok)) {
                const int kw = ScanKeywordLookup(yylval.keyword, &ScanKeywords);
                t->reserved = kw >= 0 && ScanKeywordCategories[kw] == RESERVED_KEYWORD;
            }
        }
        scanner_finish(scanner);
        out->toks = toks;
        out->count = n;
        out->ok = true;
    }
    PG_CATCH();
    {
        MemoryContextSwitchTo(caller);
        ErrorData *edata = CopyErrorData();
        FlushErrorState();
        if (is_fatal_error(edata->sqlerrcode))
            out->fatal = edata;
        else
            FreeErrorData(edata);
    }
    PG_END_TRY();
    MemoryContextSwitchTo(caller);
    quiet_end(&quiet);
}

// ---------------------------------------------------------------------------
// C++ part.

// A private memory context for one derivation, deleted on every exit path.
class PrivateContext {
public:
    PrivateContext() {
        ctx_ = pg_guard([] {
            return AllocSetContextCreate(CurrentMemoryContext, "tde sql parser", ALLOCSET_DEFAULT_SIZES);
        });
    }
    ~PrivateContext() { MemoryContextDelete(ctx_); }
    PrivateContext(const PrivateContext &) = delete;
    PrivateContext &operator=(const PrivateContext &) = delete;
    MemoryContext get() const { return ctx_; }

private:
    MemoryContext ctx_;
};

bool pg_dialect(SqlDialect d) { return d == SqlDialect::PostgreSQL || d == SqlDialect::Unknown; }

std::string unescape_doubled(std::string_view s, char quote) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        out.push_back(s[i]);
        if (s[i] == quote && i + 1 < s.size() && s[i + 1] == quote) ++i;
    }
    return out;
}

// The scanner's tokens as the core's SqlTokens (comments are not among them).
std::vector<SqlToken> tokens_from_scan(std::string_view sql, const ScanOutcome &scan, long *max_param) {
    std::vector<SqlToken> out;
    out.reserve(static_cast<size_t>(scan.count));
    *max_param = 0;
    for (int i = 0; i < scan.count; ++i) {
        const ScanTok &st = scan.toks[i];
        SqlToken t;
        t.begin = static_cast<size_t>(st.begin);
        t.end = std::min(static_cast<size_t>(st.end), sql.size());
        t.content_begin = t.content_end = t.begin;
        const std::string_view text = sql.substr(t.begin, t.end - t.begin);
        switch (st.token) {
            case IDENT:
                if (!text.empty() && text[0] == '"' && text.size() >= 2) {
                    t.kind = SqlTokenKind::QuotedIdent;
                    t.content_begin = t.begin + 1;
                    t.content_end = t.end - 1;
                    t.text = unescape_doubled(text.substr(1, text.size() - 2), '"');
                } else {
                    t.kind = SqlTokenKind::Word;
                    t.text = std::string(text);
                }
                break;
            case UIDENT:  // U&"..." (escapes left as written)
                t.kind = SqlTokenKind::QuotedIdent;
                if (text.size() >= 4) {
                    t.content_begin = t.begin + 3;
                    t.content_end = t.end - 1;
                    t.text = unescape_doubled(text.substr(3, text.size() - 4), '"');
                }
                break;
            case SCONST:
            case USCONST:
            case BCONST:
            case XCONST:
                t.kind = SqlTokenKind::String;
                // U&'...' UESCAPE '!': one literal (parser.c joins them; $n replaces all three).
                if (st.token == USCONST && i + 2 < scan.count && scan.toks[i + 1].token == UESCAPE &&
                    scan.toks[i + 2].token == SCONST) {
                    t.end = std::min(static_cast<size_t>(scan.toks[i + 2].end), sql.size());
                    i += 2;
                }
                break;
            case NCHAR:
                // n'...': the scanner's NCHAR keyword (the letter) and the string glued to it, one literal.
                if (i + 1 < scan.count && scan.toks[i + 1].token == SCONST && scan.toks[i + 1].begin == st.end) {
                    t.kind = SqlTokenKind::String;
                    t.end = std::min(static_cast<size_t>(scan.toks[i + 1].end), sql.size());
                    ++i;
                } else {
                    t.kind = SqlTokenKind::Word;
                    t.keyword = st.reserved;
                    t.text = std::string(text);
                }
                break;
            case ICONST:
            case FCONST:
                t.kind = SqlTokenKind::Number;
                t.text = std::string(text);
                break;
            case PARAM:
                t.kind = SqlTokenKind::Param;
                t.text = std::string(text);
                *max_param = std::max(*max_param, static_cast<long>(st.param));
                break;
            case ';':
                t.kind = SqlTokenKind::Separator;
                t.text = ";";
                break;
            default:
                if (is_keyword_token(st.token)) {
                    t.kind = SqlTokenKind::Word;
                    t.keyword = st.reserved;
                } else {
                    t.kind = SqlTokenKind::Punct;
                }
                t.text = std::string(text);
                break;
        }
        out.push_back(std::move(t));
    }
    return out;
}

void trim_cr(std::string_view sql, Span &s) {
    if (s.second > s.first && sql[s.second - 1] == '\r') --s.second;
}

void add_span(std::vector<Span> &out, Span s) {
    if (s.second > s.first) out.push_back(s);
}

// Comments in [b, e), a stretch between two scanner tokens (only whitespace
// and comments there).
void gap_comments(std::string_view sql, size_t b, size_t e, std::vector<Span> &out) {
    if (e <= b) return;
    const std::string_view gap = sql.substr(b, e - b);
    if (gap.find_first_of("-/") == std::string_view::npos) return;
    for (const SqlToken &t : tde::core::lex_sql(gap, SqlDialect::PostgreSQL))
        if (t.kind == SqlTokenKind::Comment) add_span(out, {b + t.content_begin, b + t.content_end});
}

// The content segments of one string token [b, e): '...' (continued over
// lines: 'a'\n'b' is two segments, with -- comments possible in between),
// E'...' / B'...' / X'...' / U&'...', $tag$...$tag$.
void string_segments(std::string_view sql, size_t b, size_t e, bool standard_strings, std::vector<Span> &out) {
    if (e <= b) return;
    size_t i = b;
    if (sql[i] == '$') {
        const size_t close_tag = sql.find('$', i + 1);
        if (close_tag == std::string_view::npos || close_tag >= e) return;
        const size_t tag_len = close_tag - i + 1;
        if (e >= b + 2 * tag_len) add_span(out, {close_tag + 1, e - tag_len});
        return;
    }
    bool backslash = !standard_strings;
    tde::core::EscapeStyle escapes = tde::core::EscapeStyle::None;
    char escape_char = '\\';
    const char c0 = static_cast<char>(sql[i] | 0x20);
    if (c0 == 'e') {
        backslash = true;
        ++i;
    } else if (c0 == 'b' || c0 == 'x') {
        backslash = false;
        ++i;
    } else if (c0 == 'u' && i + 1 < e && sql[i + 1] == '&') {
        backslash = false;
        escapes = tde::core::EscapeStyle::Unicode;
        escape_char = tde::core::uescape_after(sql, e);
        i += 2;
    }
    if (backslash) escapes = tde::core::EscapeStyle::PgBackslash;
    // A segment's pieces between escape sequences (see core::split_at_escapes).
    auto add_segment = [&](Span span) {
        if (span.second > span.first) tde::core::split_at_escapes(sql, span, escapes, escape_char, out);
    };
    if (i >= e || sql[i] != '\'') return;
    size_t seg = ++i;
    while (i < e) {
        const char c = sql[i];
        if (backslash && c == '\\') {
            i += 2;
        } else if (c == '\'') {
            if (i + 1 < e && sql[i + 1] == '\'') {
                i += 2;
                continue;
            }
            add_segment({seg, i});
            ++i;
            // Continuation: whitespace (with a newline) and -- comments, then a quote.
            while (i < e && sql[i] != '\'') {
                if (sql[i] == '-' && i + 1 < e && sql[i + 1] == '-') {
                    Span comment{i + 2, i + 2};
                    while (i < e && sql[i] != '\n') ++i;
                    comment.second = i;
                    trim_cr(sql, comment);
                    add_span(out, comment);
                } else {
                    ++i;
                }
            }
            if (i >= e) return;
            seg = ++i;
        } else {
            ++i;
        }
    }
    add_segment({seg, std::min(i, e)});
}

// The last text scanned and its tokens: the trigger scans a pair's SQL for
// its literals and then derives from the same text, which reuses the scan.
// The scanner's result depends on the text and on two settings.
struct LastScan {
    std::string sql;
    bool standard_strings = false;
    int backslash_quote_setting = -1;
    bool ok = false;
    std::vector<ScanTok> toks;
};

constexpr size_t kMaxRememberedScan = 64 * 1024;

LastScan &last_scan() {
    static LastScan instance;
    return instance;
}

// Runs the scanner; nullopt-like: returns false when it failed (syntax).
// `scan.toks` stays valid until the next run_scan().
bool run_scan(const PrivateContext &ctx, std::string_view sql, ScanOutcome &scan) {
    scan = ScanOutcome{};
    if (sql.find('\0') != std::string_view::npos) return false;
    if (too_slow_for_pg_scanner(sql)) return false;  // as derive_sql: the dialect lexer reads it
    LastScan &last = last_scan();
    if (last.backslash_quote_setting == backslash_quote && last.standard_strings == standard_conforming_strings &&
        last.sql == sql) {
        scan.ok = last.ok;
        scan.toks = last.toks.data();
        scan.count = static_cast<int>(last.toks.size());
        scan.standard_strings = last.standard_strings;
        return scan.ok;
    }
    last.backslash_quote_setting = -1;  // invalid until filled
    scan_phase(ctx.get(), sql.data(), sql.size(), &scan);
    if (scan.fatal != nullptr) throw PgError(scan.fatal);
    if (sql.size() > kMaxRememberedScan) {  // a huge text is not kept for the life of the backend
        last.sql = std::string();
        last.toks = std::vector<ScanTok>();
        return scan.ok;
    }
    last.sql.assign(sql);
    last.standard_strings = scan.standard_strings;
    last.ok = scan.ok;
    last.toks.assign(scan.toks, scan.toks + (scan.ok ? scan.count : 0));
    last.backslash_quote_setting = backslash_quote;
    return scan.ok;
}

std::string verb_of_tag(const char *tag) {
    if (tag == nullptr) return "OTHER";
    const std::string_view t(tag);
    const std::string_view first = t.substr(0, t.find(' '));
    for (const char *verb : {"SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "ALTER", "DROP", "TRUNCATE"})
        if (first == verb) return verb;
    return "OTHER";
}

}  // namespace

DerivedSql derive_sql(std::string_view sql, SqlDialect dialect) {
    DerivedSql out;
    if (!pg_dialect(dialect) || too_slow_for_pg_scanner(sql)) {
        tde::core::SqlInfo info = tde::core::analyze_sql(sql, dialect);
        out.query_type = std::move(info.query_type);
        out.table_names = std::move(info.table_names);
        out.fingerprint = tde::core::sql_fingerprint(sql, dialect);
        out.valid = -1;
        return out;
    }

    PrivateContext ctx;
    ParseOutcome parse{};
    if (sql.find('\0') == std::string_view::npos) {
        parse_phase(ctx.get(), sql.data(), sql.size(), dialect == SqlDialect::Unknown, &parse);
        if (parse.fatal != nullptr) throw PgError(parse.fatal);
    }
    out.valid = parse.parsed ? 1 : 0;

    if (parse.walked) {
        out.query_type = verb_of_tag(parse.command_tag);
        std::set<std::string> names;
        ListCell *lc;
        foreach (lc, parse.tables)
            names.insert(static_cast<const char *>(lfirst(lc)));
        out.table_names.assign(names.begin(), names.end());
    } else {
        tde::core::SqlInfo info = tde::core::analyze_sql(sql, dialect);
        out.query_type = std::move(info.query_type);
        out.table_names = std::move(info.table_names);
    }

    // Constants: where the parser put its A_Consts when the SQL parsed (like
    // pg_stat_statements); otherwise every literal token. The fingerprint also
    // counts those the normalized text keeps (typed literals, constants of
    // utility statements).
    std::vector<size_t> consts;      // replaced by $n in the normalized text
    std::vector<size_t> all_consts;  // + those of the fingerprint only
    if (parse.walked) {
        ListCell *lc;
        foreach (lc, parse.consts)
            consts.push_back(static_cast<size_t>(lfirst_int(lc)));
        std::sort(consts.begin(), consts.end());
        all_consts = consts;
        foreach (lc, parse.shape_consts)
            all_consts.push_back(static_cast<size_t>(lfirst_int(lc)));
        std::sort(all_consts.begin(), all_consts.end());
    }
    const std::vector<size_t> *offsets = parse.walked ? &all_consts : nullptr;

    ScanOutcome scan;
    if (run_scan(ctx, sql, scan)) {
        long max_param = 0;
        const std::vector<SqlToken> tokens = tokens_from_scan(sql, scan, &max_param);
        out.fingerprint = tde::core::fingerprint_tokens(sql, tokens, offsets);
        if (parse.parsed && !out.fingerprint.empty())
            out.normalized = tde::core::replace_constants(
                sql, tde::core::constant_spans(tokens, parse.walked ? &consts : nullptr), max_param + 1);
    } else {
        out.fingerprint = tde::core::fingerprint_tokens(sql, tde::core::lex_sql(sql, dialect), offsets);
    }
    return out;
}

std::vector<Span> literal_spans(std::string_view sql, SqlDialect dialect, bool *scanned) {
    if (scanned != nullptr) *scanned = true;
    if (!pg_dialect(dialect)) return tde::core::sql_literal_spans(sql, dialect);
    PrivateContext ctx;
    ScanOutcome scan;
    if (!run_scan(ctx, sql, scan)) {
        if (scanned != nullptr) *scanned = false;
        return tde::core::sql_literal_spans(sql, dialect);
    }
    std::vector<Span> out;
    size_t prev_end = 0;
    for (int i = 0; i < scan.count; ++i) {
        const ScanTok &t = scan.toks[i];
        const size_t b = static_cast<size_t>(t.begin);
        const size_t e = std::min(static_cast<size_t>(t.end), sql.size());
        gap_comments(sql, prev_end, b, out);
        if (t.token == SCONST || t.token == USCONST || t.token == BCONST || t.token == XCONST)
            string_segments(sql, b, e, scan.standard_strings, out);
        prev_end = std::max(prev_end, e);
    }
    gap_comments(sql, prev_end, sql.size(), out);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace tde::pg

// ---------------------------------------------------------------------------
// tde_sql_info(sql text, dialect text DEFAULT 'postgresql',
//              OUT query_type text, OUT table_names text[], OUT fingerprint text,
//              OUT normalized text, OUT valid boolean)

namespace {

using tde::pg::pg_guard;

Datum info_text_datum(const std::string &s) {
    return pg_guard([&] { return PointerGetDatum(cstring_to_text_with_len(s.data(), static_cast<int>(s.size()))); });
}

std::string_view text_arg(FunctionCallInfo fcinfo, int n) {
    text *t = pg_guard([&] { return PG_GETARG_TEXT_PP(n); });
    return std::string_view(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

}  // namespace

TDE_FUNCTION(tde_sql_info) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    const std::string_view sql = text_arg(fcinfo, 0);
    const std::string_view dialect = PG_ARGISNULL(1) ? std::string_view() : text_arg(fcinfo, 1);
    const tde::pg::DerivedSql d = tde::pg::derive_sql(sql, tde::core::dialect_from_database_type(dialect));

    TupleDesc desc = pg_guard([&] {
        TupleDesc result = nullptr;
        if (get_call_result_type(fcinfo, nullptr, &result) != TYPEFUNC_COMPOSITE || result->natts != 5)
            ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                            errmsg("tde_sql_info() must return (query_type, table_names, fingerprint, "
                                   "normalized, valid)")));
        return BlessTupleDesc(result);
    });

    Datum *elems = pg_guard([&] {
        return static_cast<Datum *>(palloc(sizeof(Datum) * (d.table_names.size() + 1)));
    });
    for (size_t i = 0; i < d.table_names.size(); ++i) elems[i] = info_text_datum(d.table_names[i]);

    Datum values[5];
    bool nulls[5] = {false, false, false, false, false};
    values[0] = info_text_datum(d.query_type);
    values[1] = pg_guard([&] {
        return PointerGetDatum(construct_array(elems, static_cast<int>(d.table_names.size()), TEXTOID, -1, false,
                                               TYPALIGN_INT));
    });
    values[2] = d.fingerprint.empty() ? Datum(0) : info_text_datum(d.fingerprint);
    nulls[2] = d.fingerprint.empty();
    values[3] = d.normalized.empty() ? Datum(0) : info_text_datum(d.normalized);
    nulls[3] = d.normalized.empty();
    values[4] = BoolGetDatum(d.valid == 1);
    nulls[4] = d.valid < 0;
    HeapTuple tuple = pg_guard([&] { return heap_form_tuple(desc, values, nulls); });
    return HeapTupleGetDatum(tuple);
}

// tde_sql_literal_spans(sql text, dialect text) RETURNS text[]: the text of
// each literal_spans() span. Not part of the installed SQL API: the
// regression test (sql/tde_09_sql_info.sql) declares it to test
// literal_spans() through PostgreSQL's scanner.
TDE_FUNCTION(tde_sql_literal_spans) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    const std::string_view sql = text_arg(fcinfo, 0);
    const std::string_view dialect = PG_ARGISNULL(1) ? std::string_view() : text_arg(fcinfo, 1);
    const std::vector<std::pair<size_t, size_t>> spans =
        tde::pg::literal_spans(sql, tde::core::dialect_from_database_type(dialect));
    Datum *elems = pg_guard([&] { return static_cast<Datum *>(palloc(sizeof(Datum) * (spans.size() + 1))); });
    for (size_t i = 0; i < spans.size(); ++i)
        elems[i] = info_text_datum(std::string(sql.substr(spans[i].first, spans[i].second - spans[i].first)));
    return pg_guard([&] {
        return PointerGetDatum(
            construct_array(elems, static_cast<int>(spans.size()), TEXTOID, -1, false, TYPALIGN_INT));
    });
}
