// GET /api/training-data/export: validation of the query string into an
// ExportPlan, and the streamed response.
#include <strings.h>
#include <cstdlib>

#include "routes.hpp"

namespace tde_http {
namespace {

struct Format {
    const char* name;
    const char* function;
    const char* content_type;
};

const Format kFormats[] = {
    {"jsonl", "tde_export_jsonl", "application/x-ndjson; charset=utf-8"},
    {"json", "tde_export_json", "application/json"},
    {"csv", "tde_export_csv", "text/csv; charset=utf-8"},
};

enum class Kind { Text, Date, Bool, Ratios };

struct ParamSpec {
    const char* name;
    Kind kind;
    bool jsonl_only;  // fine-tuning styles exist for JSONL only
};

const ParamSpec kParams[] = {
    {"start_date", Kind::Date, false},   {"end_date", Kind::Date, false},
    {"successful_only", Kind::Bool, false}, {"style", Kind::Text, true},
    {"system_prompt", Kind::Text, true}, {"deduplicate", Kind::Bool, false},
    {"split", Kind::Text, false},        {"split_ratios", Kind::Ratios, false},
};

// split_ratios=0.8,0.1,0.1 (blanks after the commas, [..] or {..} around them,
// or the parameter repeated: split_ratios=0.8&split_ratios=0.1&..., as requests
// sends a list) -> the array literal {0.8,0.1,0.1}; PostgreSQL checks the
// numbers and what they must add up to.
std::optional<HttpError> parse_ratios(const QueryArg& a, std::optional<std::string>& out) {
    if (!a.present) return std::nullopt;
    const std::vector<std::string> first{a.value};
    const std::vector<std::string>& parts = a.values.empty() ? first : a.values;
    std::string v;
    for (std::size_t i = 0; i < parts.size(); ++i) v += (i > 0 ? "," : "") + parts[i];
    if (parts.size() == 1 && v.empty()) return std::nullopt;  // "?split_ratios=": absent
    const auto invalid = [] {
        return make_error(400, "invalid_parameter", "split_ratios must be numbers separated by commas");
    };
    if (v.size() >= 2 && ((v.front() == '{' && v.back() == '}') || (v.front() == '[' && v.back() == ']')))
        v = v.substr(1, v.size() - 2);
    if (v.empty() || v.size() > 200) return invalid();
    std::string list;
    std::size_t start = 0;
    for (;;) {  // each element: a number, blanks around it allowed
        const std::size_t comma = v.find(',', start);
        std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const std::size_t b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
        item = b == std::string::npos ? "" : item.substr(b, e - b + 1);
        if (item.empty() || item.find_first_not_of("0123456789.eE+-") != std::string::npos) return invalid();
        char* end = nullptr;  // a number, whole ("-", "1-2", "." are not)
        std::strtod(item.c_str(), &end);
        if (end != item.c_str() + item.size()) return invalid();
        list += (list.empty() ? "" : ",") + item;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    out = "{" + list + "}";
    return std::nullopt;
}

std::optional<HttpError> parse_param(const ParamSpec& p, const QueryArg& a, std::optional<std::string>& out) {
    switch (p.kind) {
        case Kind::Bool: return parse_bool(a, p.name, out);
        case Kind::Ratios: return parse_ratios(a, out);
        case Kind::Date: return parse_date(a, p.name, out);
        default: return parse_text(a, p.name, out);
    }
}

const char* cast_for(Kind k) {
    switch (k) {
        case Kind::Bool: return "::boolean";
        case Kind::Ratios: return "::double precision[]";
        default: return "";
    }
}

const Format* find_format(const Request& req, std::optional<HttpError>& err) {
    std::optional<std::string> name;
    err = parse_text(req.arg("format"), "format", name);
    if (err) return nullptr;
    if (!name || name->empty()) return &kFormats[0];  // the guide's default
    for (const auto& f : kFormats)
        if (strcasecmp(name->c_str(), f.name) == 0) return &f;
    err = make_error(400, "invalid_parameter", "format must be jsonl, json or csv");
    return nullptr;
}

}  // namespace

// Only parameters that are present are passed (by name), so the export
// functions' own defaults apply to the others. Values travel as set_config
// parameters and are read back with current_setting() inside the COPY.
std::optional<HttpError> plan_export(const Request& req, ExportPlan& plan) {
    std::optional<HttpError> err;
    const Format* fmt = find_format(req, err);
    if (!fmt) return err;
    std::string args;
    for (const auto& p : kParams) {
        std::optional<std::string> value;
        QueryArg a = req.arg(p.name);
        err = parse_param(p, a, value);
        if (err) return err;
        if (!value || value->empty()) continue;  // "?style=" means "no style given"
        // Each split downloads under a name of its own (curl -OJ would not
        // overwrite training_data.jsonl with the next split). Only the three
        // names PostgreSQL takes reach the header.
        if (p.name == std::string("split"))
            for (const char* s : {"train", "validation", "test"})
                if (*value == s) plan.file_name = std::string("training_data_") + s;
        if (p.jsonl_only && fmt != &kFormats[0])
            return make_error(400, "invalid_parameter", std::string(p.name) + " applies to format=jsonl only");
        std::string setting = std::string("tde_http.") + p.name;
        plan.settings.push_back({setting, *value});
        if (!args.empty()) args += ", ";
        args += std::string(p.name) + " => pg_catalog.current_setting('" + setting + "')";
        args += cast_for(p.kind);
    }
    plan.copy_sql = std::string("COPY (SELECT line FROM ") + fmt->function + "(" + args + ") AS line) TO STDOUT";
    plan.content_type = fmt->content_type;
    plan.file_name += std::string(".") + fmt->name;
    return std::nullopt;
}

Response Router::start_export(Lease lease, const std::string& role, const ExportPlan& plan, const Request& req,
                              std::shared_ptr<void> slot) {
    auto started = ExportStream::start(std::move(lease), role, cfg_.export_statement_timeout_ms, plan.settings,
                                       plan.copy_sql, req.client_fd);
    if (started.client_gone)
        return error_response(make_error(499, "client_closed_request", "the client closed the connection"));
    if (started.error) {
        if (started.setup_failed && role_refused(*started.error))
            return error_response(role_refused_error(*started.error));
        return error_response(from_pg(*started.error));
    }
    Response r;
    r.status = 200;
    r.content_type = plan.content_type;
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + plan.file_name + "\"");
    r.headers.emplace_back("Cache-Control", "no-store");
    started.stream->slot = std::move(slot);
    r.stream = std::move(started.stream);
    return r;
}

}  // namespace tde_http
