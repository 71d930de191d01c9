// expr.cpp: conversion expressions of wrappers and trampolines, from the runtime's helpers for each type code.
#include "expr.h"

namespace mpbind::emit {

using plan::Code;

namespace {

std::string call(const char *fn, const std::string &args) { return std::string(fn) + "(" + args + ")"; }

} // namespace

std::string from_py(const plan::Param &p, const std::string &obj, size_t i) {
    std::string at = ", self, " + std::to_string(i);
    // Lists and tuples too: the array converters take every argument (the keep-alive key names argument 0). A struct
    // pointer's class (mpb_fun_class) says whether it can be an array: one expression for all, so wrappers stay shared.
    if (p.conv.code == Code::STRUCT_PTR) return "mpb_get_struct_arg(args, " + std::to_string(i) + ", self)";
    if (p.array.code != Code::VOID)
        return "mpb_get_array(args, " + std::to_string(i) + ", " + plan::info(p.array.code).macro + ", self)";
    switch (p.conv.code) {
    case Code::STRUCT: return "*(" + p.abi_type + " *)mpb_get_struct_val(" + obj + ", &" + p.cls + at + ")";
    case Code::OBJ: return obj;
    case Code::FUNPTR: return "mpb_get_funptr(" + obj + ", \"" + p.fn_sig + "\"" + at + ")";
    default: return call(plan::info(p.conv.code).get, obj + at);
    }
}

std::string to_py_return(const plan::Param &ret, const std::string &val, size_t n_args) {
    switch (ret.conv.code) {
    case Code::VOID: return val + ";\n    return mp_const_none;\n";
    case Code::STRUCT:
        return ret.abi_type + " r = " + val + ";\n    return mpb_new_struct_copy(&" + ret.cls + ", &r);\n";
    case Code::STRUCT_PTR:
        return "return mpb_new_struct_ref(mpb_fun_class(self, " + std::to_string(n_args) + "), " + val + ", MP_OBJ_NULL);\n";
    default: return "return " + call(plan::info(ret.conv.code).make, val) + ";\n";
    }
}

std::string trampoline_arg(const plan::TrampolineValue &v, size_t i, bool isr, std::string &views) {
    std::string a = "a" + std::to_string(i);
    bool by_value = v.conv.code == Code::STRUCT;
    if (v.conv.code != Code::STRUCT_PTR && !by_value) return call(plan::info(v.conv.code).make, a);
    std::string data = by_value ? "&" + a : a;
    if (!isr) {
        return by_value ? "mpb_new_struct_copy(&" + v.cls + ", " + data + ")"
                        : "mpb_new_struct_ref(&" + v.cls + ", " + data + ", MP_OBJ_NULL)";
    }
    std::string view = "v" + std::to_string(i);
    views += "    static mpb_struct_obj_t " + view + " = { { MPB_STRUCT_BASE(&" + v.cls + ") }, NULL, MP_OBJ_NULL, 0 };\n";
    views += "    " + view + ".data = " + (by_value ? "(void *)" + data : data) + ";\n";
    return "MP_OBJ_FROM_PTR(&" + view + ")";
}

std::string trampoline_result(const plan::TrampolineValue &v, const std::string &obj) {
    switch (v.conv.code) {
    case Code::FUNPTR: return "mpb_get_funptr(" + obj + ", NULL, NULL, 0)";
    case Code::OBJ: return obj;
    case Code::PTR: return "mpb_handle_from_result(" + obj + ")"; // a Python object given to C as a void * handle
    default: return call(plan::info(v.conv.code).get, obj + ", NULL, 0");
    }
}

} // namespace mpbind::emit
