// layout.h: record layouts as C expressions of the compiler that builds the module (sizeof, offsetof), and the
// compile-time checks (MPB_LAYOUT_CHECK) of what the generated code still takes from mpbind's target.
#pragma once
#include <optional>
#include <string>

#include "conv.h"
#include "ir/module.h"

namespace mpbind::emit {

// How C reaches the members of a record: `base`, a type C can name, and `path`, the member designator prefix
// leading from base to the record ("" for a named record, "color." for the unnamed struct type of member color).
struct RecordAccess {
    std::string base;
    std::string path;
};
// Empty when C cannot name the record (an unnamed record outside any named one).
std::optional<RecordAccess> record_access(const ir::Module &m, ir::RecordId r);

// sizeof(record r) as a C constant expression; the IR's size when C cannot name r.
std::string record_size_expr(const ir::Module &m, ir::RecordId r);
// The byte offset of member `member` of record r (a C name; members of anonymous struct/union members are named
// directly) as a C constant expression: offsetof, or `ir_bytes` when C cannot name r.
std::string member_offset_expr(const ir::Module &m, ir::RecordId r, const std::string &member, uint64_t ir_bytes);
// sizeof of that member, or "" when C cannot name r.
std::string member_size_expr(const ir::Module &m, ir::RecordId r, const std::string &member);

// The check that member `member` of record r has the size its field row (conversion c) assumes: scalar widths
// (the type code's) times the array length, or the length of an array of pointers or structs; "" when the row
// assumes nothing (a single pointer or nested struct) or C cannot name r. `what` names the field in the message.
std::string field_size_check(const ir::Module &m, ir::RecordId r, const std::string &member, const std::string &what,
                             const Conv &c);

// One check line: `cond` holds where the module is compiled, else the compiler stops with "mpbind: <what> on
// <target>, ..." (MPB_LAYOUT_CHECK in runtime/mpb_layout.h).
std::string layout_check(const std::string &cond, const std::string &what);

// The target line of a module (MPB_GENERATED_FOR, named by every check's message) and one check per scalar C type
// the bound functions and callbacks pass by value (their wrappers call C through fixed-width ABI types).
std::string target_checks(const ir::Module &m);

} // namespace mpbind::emit
