// What the SQL around a literal (or a JSON key around a value) says about
// the value: the column it is compared with or inserted into, and whether
// that column holds phone numbers or versions. Used by the trigger's SQL and
// metadata anonymization; pure C++ (no PostgreSQL headers).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tde::core {

// A literal that is only a dotted quad of numbers ('1.2.3.4').
bool dotted_quad_only(std::string_view in);

// A JSON key or column name lower-cased, camelCase split with '_'
// ("mobilePhone" -> "mobile_phone", "PhoneNumber" -> "phone_number",
// "Phone Number" -> "phone_number").
std::string snake_lower(std::string_view name);

// The column the SQL before a value (`before`: up to a literal's opening
// quote, or up to a number in the code) compares with it, as snake_lower()
// gives it: "app_version = '", "phone <> N'", "firmware_version IN
// ('10.2.0.1', '", "t.\"PhoneNumber\" LIKE '", "[Phone Number] = '",
// "phone::text = '", "phone_number IN (5551234567, ", "phone SIMILAR TO '",
// "upper(trim(phone)) = '", a named argument or an assignment ("f(phone =>
// '", "v_phone := '"); a JSON key is the column: "data->>'phone' = '",
// "data #>> '{contact,phone}' = '", "JSON_VALUE(info, '$.contact.phone') =
// '"; empty when none.
std::string compared_column(std::string_view before);

// The same for a value written before the column (`after`: from just past a
// literal's closing quote): "' = phone", "' <> t.\"PhoneNumber\"". Empty
// when none (a function call, another literal, no comparison).
std::string column_compared_after(std::string_view after);

// For each span (a literal's content, sorted), the column an INSERT's column
// list gives its value ("INSERT INTO contacts (name, phone) VALUES ('Ann',
// '0612345678'), (...)"), lower-cased; empty where there is none. Comments
// in the column list, PostgreSQL's OVERRIDING {SYSTEM | USER} VALUE, MySQL's
// VALUE (...) and VALUES ROW(...), ROW(...) are read.
std::vector<std::string> insert_value_columns(std::string_view sql,
                                              const std::vector<std::pair<size_t, size_t>> &spans);

// True when one of the '_'-separated parts of `name` (digits at their ends
// dropped) is one of `words`.
bool name_part_is(std::string_view name, std::initializer_list<std::string_view> words);

// A column or key naming a version ("app_version", "firmware", "build").
bool version_name(std::string_view name);

// How surely a column or key name holds phone numbers: 2 for "phone",
// "home_phone", "phone_number", "mobile_no", "tel1", "msisdn"; 1 for "mobile",
// "cell" or "fax" alone (also counts, places, spreadsheet cells); 0 for
// others ("phone_count", "phone_model", "mobile_user").
int phone_column_kind(std::string_view name);

// True when a key says nothing of its own about the number under it, so that
// an enclosing phone, card or SSN key does: every part is a kind of number
// ("home", "work", "primary", "mobile", ...) or only digits ("1", "phone2"),
// as in {"phone": {"home": 2125550100}}; ids, counts and times ("id",
// "verified_at") are not.
bool number_kind_name(std::string_view name);

// The words of a column name that are no phone words, each followed by a
// space ("phone_count" -> "count ", "hotel_ssn" -> "hotel ssn "): what a
// column that is no phone column says about its value.
std::string without_phone_words(std::string_view name);

// A value written like a phone number (7 to 15 digits; spaces, '-', '.',
// brackets, a leading '+'), however invalid, and not like a date.
bool phone_shaped_literal(std::string_view in);

}  // namespace tde::core
