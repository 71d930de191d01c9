// Releasing the pages of the relocation tables: found through each loaded object's dynamic section.
#include "relocation_pages.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <cstdint>
#include <initializer_list>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace mpbind::cli {

#if defined(__linux__) && defined(__GLIBC__)
namespace {

struct Table {
    uintptr_t start = 0;
    size_t size = 0;
};

// An address the dynamic section gives: glibc has usually added the load bias already, the vDSO's is not added.
uintptr_t at(const dl_phdr_info &obj, uintptr_t value) { return value < obj.dlpi_addr ? value + obj.dlpi_addr : value; }

// True when [start, end) lies in one loaded segment that is not writable (never changed in memory).
bool in_read_only_segment(const dl_phdr_info &obj, uintptr_t start, uintptr_t end) {
    for (int i = 0; i < obj.dlpi_phnum; ++i) {
        const ElfW(Phdr) &ph = obj.dlpi_phdr[i];
        uintptr_t s = obj.dlpi_addr + ph.p_vaddr;
        if (ph.p_type == PT_LOAD && !(ph.p_flags & PF_W) && start >= s && end <= s + ph.p_memsz) return true;
    }
    return false;
}

int release_object(dl_phdr_info *obj, size_t, void *released) {
    const ElfW(Dyn) *dyn = nullptr;
    for (int i = 0; i < obj->dlpi_phnum; ++i)
        if (obj->dlpi_phdr[i].p_type == PT_DYNAMIC)
            dyn = reinterpret_cast<const ElfW(Dyn) *>(obj->dlpi_addr + obj->dlpi_phdr[i].p_vaddr);
    if (!dyn) return 0;
    // Only the tables relocated at start-up: the PLT's (DT_JMPREL) is still read by lazy binding.
    Table rela, rel;
    for (; dyn->d_tag != DT_NULL; ++dyn) {
        switch (dyn->d_tag) {
        case DT_RELA: rela.start = at(*obj, dyn->d_un.d_ptr); break;
        case DT_RELASZ: rela.size = dyn->d_un.d_val; break;
        case DT_REL: rel.start = at(*obj, dyn->d_un.d_ptr); break;
        case DT_RELSZ: rel.size = dyn->d_un.d_val; break;
        default: break;
        }
    }
    const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    for (const Table &t : {rela, rel}) {
        if (!t.start || !t.size || !in_read_only_segment(*obj, t.start, t.start + t.size)) continue;
        // Whole pages inside the table only: its neighbours (code, other tables) stay.
        uintptr_t first = (t.start + page - 1) & ~(page - 1), last = (t.start + t.size) & ~(page - 1);
        if (last > first && madvise(reinterpret_cast<void *>(first), last - first, MADV_DONTNEED) == 0)
            *static_cast<size_t *>(released) += last - first;
    }
    return 0;
}

} // namespace

size_t release_relocation_tables() {
    size_t released = 0;
    dl_iterate_phdr(release_object, &released);
    return released;
}
#else
size_t release_relocation_tables() { return 0; }
#endif

} // namespace mpbind::cli
