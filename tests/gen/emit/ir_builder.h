// ir_builder.h: builds small IR modules by hand for the emitter's unit tests (no clang involved).
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"

namespace mpbind::test {

struct IrBuilder {
    ir::Module m;

    ir::TypeId prim(ir::TypeKind kind, ir::Prim p, uint64_t size, bool is_signed, const std::string &spelling,
                    bool is_const = false) {
        ir::Type t;
        t.kind = kind;
        t.prim = p;
        t.size = size;
        t.is_signed = is_signed;
        t.spelling = spelling;
        t.is_const = is_const;
        return m.intern(t);
    }
    ir::TypeId int_() { return prim(ir::TypeKind::Int, ir::Prim::Int, 4, true, "int"); }
    ir::TypeId uint8() { return prim(ir::TypeKind::Int, ir::Prim::UChar, 1, false, "unsigned char"); }
    ir::TypeId char_(bool is_const = false) { return prim(ir::TypeKind::Int, ir::Prim::Char, 1, true, "char", is_const); }
    ir::TypeId double_() { return prim(ir::TypeKind::Float, ir::Prim::Double, 8, true, "double"); }
    ir::TypeId void_() { return prim(ir::TypeKind::Void, ir::Prim::None, 0, false, "void"); }

    ir::TypeId pointer(ir::TypeId inner, bool is_const = false) {
        ir::Type t;
        t.kind = ir::TypeKind::Pointer;
        t.inner = inner;
        t.size = 8;
        t.is_const = is_const;
        return m.intern(t);
    }
    ir::TypeId array(ir::TypeId inner, uint64_t n) {
        ir::Type t;
        t.kind = ir::TypeKind::Array;
        t.inner = inner;
        t.array_len = n;
        t.size = n * m.type(inner).size;
        return m.intern(t);
    }
    ir::TypeId function(ir::TypeId ret, std::vector<ir::TypeId> params) {
        ir::Type t;
        t.kind = ir::TypeKind::Function;
        t.ret = ret;
        t.params = std::move(params);
        return m.intern(t);
    }

    // A bound struct `struct <tag>` of `size` bytes with the given fields (offsets in bytes).
    ir::RecordId record(const std::string &tag, uint64_t size, std::vector<ir::Field> fields, bool is_union = false) {
        ir::Record r;
        r.info.c_name = tag;
        r.info.py_name = tag;
        r.c_spelling = (is_union ? "union " : "struct ") + tag;
        r.is_union = is_union;
        r.complete = size > 0;
        r.size = size;
        r.fields = std::move(fields);
        ir::RecordId id = m.add(r);
        ir::Type t;
        t.kind = ir::TypeKind::Record;
        t.record = id;
        t.size = size;
        m.record(id).type = m.intern(t);
        return id;
    }
    static ir::Field field(const std::string &name, ir::TypeId type, uint64_t offset_bytes) {
        ir::Field f;
        f.c_name = f.py_name = name;
        f.type = type;
        f.offset_bits = offset_bytes * 8;
        return f;
    }

    ir::FunctionId function_decl(const std::string &name, ir::TypeId ret, std::vector<std::pair<std::string, ir::TypeId>> params) {
        ir::Function f;
        f.info.c_name = f.info.py_name = name;
        f.ret = ret;
        std::vector<ir::TypeId> types;
        for (auto &[pname, ptype] : params) {
            f.params.push_back({pname, pname, ptype, {}});
            types.push_back(ptype);
        }
        f.type = function(ret, types);
        return m.add(f);
    }
};

} // namespace mpbind::test
