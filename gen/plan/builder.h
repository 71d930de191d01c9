// builder.h: internal to gen/plan: the state the parts of plan::build share (one source file per part).
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "build.h"
#include "symbols.h"

namespace mpbind::plan {

struct Builder {
    const ir::Module &m;
    const Options &opt;
    Plan &p;
    Symbols syms;

    std::vector<size_t> class_of;             // record index -> index into p.classes, or none
    std::vector<std::string> class_base;      // record index -> symbol family base ("" without a class)
    std::vector<std::string> function_base;   // function index -> symbol family base ("" when not bound)
    std::vector<std::string> object_base;     // object class index -> symbol family base ("" when not bound)
    std::vector<std::string> group_base;      // group index -> symbol family base
    std::map<std::string, size_t> shared_trampolines; // closure trampolines by what makes them differ
    std::map<std::string, size_t> slot_bodies;        // the first slot trampoline of each shape (Trampoline::body)
    std::map<std::pair<uint32_t, uint32_t>, size_t> enum_values; // (enum, constant) -> index into p.values
    std::map<uint32_t, size_t> macro_values;                      // macro -> index into p.values
    std::map<std::pair<uint32_t, size_t>, size_t> field_callbacks; // (record, field) -> index into p.callbacks

    Builder(const ir::Module &m, const Options &opt, Plan &p) : m(m), opt(opt), p(p), syms(opt.module_name) {}

    // Symbols first: classes refer to functions (methods) and functions to classes (pointer arguments).
    void name_objects();
    void constants();  // constants.cpp: values, constant classes, flat constants
    void classes();    // classes.cpp
    void identities(); // classes.cpp: after classes()
    void locals(const std::vector<ir::FunctionId> &methods, const std::function<bool(const ir::Group &)> &owned,
                Class &c);
    void functions();  // functions.cpp: wrappers and function objects
    void closure_targets(); // functions.cpp: what functions acting on other registrations' closures need
    void aliases();    // classes.cpp: typedef names of classes
    void variables();  // variables.cpp: global variables
    void report();     // report.cpp: the report model, skips, the API summary

    // callbacks.cpp: the callback of a function-pointer field of class `cls` (its record `owner` holds the field),
    // or of parameter i of f; registers trampolines and slots the convention needs.
    size_t field_callback(ir::RecordId cls, const ir::Record &owner, const ir::Field &f);
    size_t param_callback(const ir::Function &f, size_t i);

    // Helpers shared by the parts.
    std::string class_symbol(ir::RecordId r) const; // "" when r has no class
    std::string object_class_symbol(int32_t k) const { return object_base[k] + "_type"; }
    // The class symbol a function is a method or constructor of, "" for none.
    std::string owner_symbol(const ir::Function &f) const;
    std::string object_symbol(ir::FunctionId f) const { return function_base[f.index] + "_obj"; }
    std::string group_symbol(ir::GroupId g) const { return group_base[g.index] + "_type"; }
    size_t enum_value(ir::EnumId e, uint32_t k);
    size_t macro_value(ir::MacroId id);
    void name_value(Value &v, const std::string &c_name);
    Offset user_offset(ir::RecordId r, const std::string &field) const;
    UserRef user_ref(ir::RecordId r, const std::string &field) const;
    std::string type_text(ir::TypeId t) const; // C spelling for reports (no "(anonymous at /path)")
    TrampolineValue trampoline_value(ir::TypeId t) const;
};

// Records whose only uses are anonymous members: their fields live in the parent's table, they need no class.
std::vector<bool> flattened_only(const ir::Module &m);
// layout.cpp: the offset of `member` (a C name; members of anonymous members are named directly) of record r,
// `bytes` on mpbind's target, as the C file writes it (offsetof where C can name r).
Offset member_offset(const ir::Module &m, ir::RecordId r, const std::string &member, uint64_t bytes);
// sizeof(record r) as the C file writes it: the compiler's where C can name r, else mpbind's number.
std::string record_size(const ir::Module &m, ir::RecordId r);
// The check of the bytes a (non-bit-field) row assumes its member has: a scalar width times the array length, or
// the length of an array of pointers or structs; none for a single pointer or struct, or where C cannot name it.
// `what` names the field in the message.
std::optional<LayoutCheck> field_check(const ir::Module &m, const FieldRow &row, const std::string &what);
// Bit positions are mpbind's: the check that the record has the size and member offsets they were placed in.
std::optional<LayoutCheck> bitfield_check(const ir::Module &m, ir::RecordId r, const std::vector<FieldRow> &rows);
// One check per scalar C type the bound functions and callbacks pass by value (plain char: its signedness too).
std::vector<LayoutCheck> target_checks(const ir::Module &m, const Plan &p);
// A description of where a declaration lives ("function f", "field s.x") for skips and comments.
std::string record_label(const ir::Record &r);

} // namespace mpbind::plan
