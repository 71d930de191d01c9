// Gives back the memory of the dynamic loader's relocation tables once the process has started.
#pragma once
#include <cstddef>

namespace mpbind::cli {

// Drops from this process the pages of the relocation tables (DT_RELA, DT_REL) of every loaded object. The loader
// reads them once, before main, to relocate the libraries; libclang and libLLVM carry 12 MB of them, which otherwise
// stay counted in the process until exit (and in its peak memory). They are clean pages of read-only file mappings:
// should anything read them again, the kernel reads them back from the file. Returns the bytes released (0 where
// the platform has no dl_iterate_phdr/madvise).
size_t release_relocation_tables();

} // namespace mpbind::cli
