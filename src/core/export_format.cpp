#include "core/export_format.hpp"

namespace tde::core {

namespace {

// Length of a line separator that JSON allows raw but line-based readers
// split at (U+2028, U+2029, U+0085: Python's str.splitlines, JavaScript), or 0.
size_t unicode_line_separator(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9)) return 3;
    if (b(0) == 0xC2 && b(1) == 0x85) return 2;
    return 0;
}

// At s[i]: if a line separator starts there, appends the text since
// `run_start` and the separator's escape, moves `i` to its last byte and
// `run_start` past it.
void escape_separator(std::string &out, std::string_view s, size_t &i, size_t &run_start) {
    const size_t n = unicode_line_separator(s, i);
    if (n == 0) return;
    out.append(s.data() + run_start, i - run_start);
    if (n == 2) out.append("\\u0085");
    else out.append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
    i += n - 1;
    run_start = i + 1;
}

}  // namespace

void append_json_escaping_separators(std::string &out, std::string_view json) {
    size_t run_start = 0;
    for (size_t i = 0; i < json.size(); ++i) {
        const auto c = static_cast<unsigned char>(json[i]);
        if (c == 0xE2 || c == 0xC2) escape_separator(out, json, i, run_start);
    }
    out.append(json.data() + run_start, json.size() - run_start);
}

void append_json_string(std::string &out, std::string_view value) {
    static const char hex[] = "0123456789abcdef";
    out.push_back('"');
    size_t run_start = 0;
    for (size_t i = 0; i < value.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(value[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0xE2 && c != 0xC2) continue;
        if (c == 0xE2 || c == 0xC2) {
            escape_separator(out, value, i, run_start);
            continue;
        }
        out.append(value.data() + run_start, i - run_start);
        run_start = i + 1;
        switch (c) {
            case '"': out.append("\\\""); break;
            case '\\': out.append("\\\\"); break;
            case '\n': out.append("\\n"); break;
            case '\r': out.append("\\r"); break;
            case '\t': out.append("\\t"); break;
            case '\b': out.append("\\b"); break;
            case '\f': out.append("\\f"); break;
            default:
                out.append("\\u00");
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0x0f]);
        }
    }
    out.append(value.data() + run_start, value.size() - run_start);
    out.push_back('"');
}

void append_iso_timestamp(std::string &out, std::string_view iso) {
    const std::size_t dot = iso.find('.');
    if (dot == std::string_view::npos) {
        out.append(iso);
        return;
    }
    std::size_t end = dot + 1;
    while (end < iso.size() && iso[end] >= '0' && iso[end] <= '9') ++end;
    out.append(iso.substr(0, end));
    for (std::size_t digits = end - dot - 1; digits < 6; ++digits) out.push_back('0');
    out.append(iso.substr(end));
}

void append_csv_field(std::string &out, std::string_view value) {
    // A plain loop: find_first_of with a set calls memchr once per byte.
    bool quote = value.empty();
    size_t quotes = 0;
    for (char c : value) {
        if (c == ',' || c == '\r' || c == '\n') quote = true;
        else if (c == '"') ++quotes;
    }
    if (!quote && quotes == 0) {
        out.append(value);
        return;
    }
    out.reserve(out.size() + value.size() + quotes + 2);
    out.push_back('"');
    if (quotes == 0) {
        out.append(value);
    } else {
        for (char c : value) {
            if (c == '"') out.push_back('"');
            out.push_back(c);
        }
    }
    out.push_back('"');
}

bool parse_jsonl_style(std::string_view name, JsonlStyle &style) {
    if (name == "pair") style = JsonlStyle::Pair;
    else if (name == "prompt_completion") style = JsonlStyle::PromptCompletion;
    else if (name == "chat") style = JsonlStyle::Chat;
    else if (name == "alpaca") style = JsonlStyle::Alpaca;
    else return false;
    return true;
}

void append_example(std::string &out, JsonlStyle style, std::string_view question,
                    std::string_view sql, const std::string_view *system_prompt) {
    switch (style) {
        case JsonlStyle::PromptCompletion:
            out.append("{\"prompt\": ");
            append_json_string(out, question);
            out.append(", \"completion\": ");
            append_json_string(out, sql);
            out.push_back('}');
            break;
        case JsonlStyle::Chat:
            out.append("{\"messages\": [");
            if (system_prompt != nullptr) {
                out.append("{\"role\": \"system\", \"content\": ");
                append_json_string(out, *system_prompt);
                out.append("}, ");
            }
            out.append("{\"role\": \"user\", \"content\": ");
            append_json_string(out, question);
            out.append("}, {\"role\": \"assistant\", \"content\": ");
            append_json_string(out, sql);
            out.append("}]}");
            break;
        case JsonlStyle::Alpaca:
            out.append("{\"instruction\": ");
            append_json_string(out, question);
            out.append(", \"input\": ");
            append_json_string(out, system_prompt ? *system_prompt : std::string_view());
            out.append(", \"output\": ");
            append_json_string(out, sql);
            out.push_back('}');
            break;
        case JsonlStyle::Pair:
            break;  // written by the caller, which has every column
    }
}

}  // namespace tde::core

namespace tde::core {

void append_pg_array_element(std::string &out, std::string_view element) {
    bool is_null_word = element.size() == 4 && (element[0] | 0x20) == 'n' &&
                        (element[1] | 0x20) == 'u' && (element[2] | 0x20) == 'l' &&
                        (element[3] | 0x20) == 'l';
    bool quote = element.empty() || is_null_word ||
                 element.find_first_of("{},\"\\ \t\n\r\v\f") != std::string_view::npos;
    if (!quote) {
        out.append(element);
        return;
    }
    out.push_back('"');
    for (char c : element) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
}

}  // namespace tde::core
