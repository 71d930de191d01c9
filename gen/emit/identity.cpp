// identity.cpp: for every record type whose objects keep their Python wrapper in a user-data slot: the C functions
// that read and write that slot and read the object's class descriptor, and the table of its classes
// (runtime/mpb_identity.h).
#include "context.h"

namespace mpbind::emit {

void emit_identities(const plan::Plan &p, std::string &out) {
    for (const plan::Identity &id : p.identities) {
        const std::string &t = id.c_type, &s = id.symbol;
        out += "// " + comment_text(t) + ": one Python object per C object\n";
        out += "static void *" + s + "_get(const void *o) {\n    return ";
        out += id.field.empty() ? id.get + "((" + t + " *)o);\n}\n" : "((const " + t + " *)o)->" + id.field + ";\n}\n";
        out += "static void " + s + "_set(void *o, void *wrapper) {\n    ";
        out += id.field.empty() ? id.set + "((" + t + " *)o, wrapper);\n}\n" : "((" + t + " *)o)->" + id.field + " = wrapper;\n}\n";
        if (!id.get_class.empty())
            out += "static const void *" + s + "_class(const void *o) {\n    return " + id.get_class + "((" + t + " *)o);\n}\n";
        out += "static const mpb_class_entry_t " + s + "_classes[] = {\n";
        for (const auto &[cls, desc] : id.classes)
            out += "    { " + (desc.empty() ? std::string("NULL") : "&" + desc) + ", &" + cls + " },\n";
        out += "};\nstatic const mpb_identity_t " + s + " = { " + s + "_get, " + s + "_set, " +
               (id.get_class.empty() ? std::string("NULL") : s + "_class") + ", " + s + "_classes, " +
               std::to_string(id.classes.size()) + " };\n\n";
    }
}

} // namespace mpbind::emit
