// mpbind's entry point: forwards to cli::run.
#include <iostream>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/relocation_pages.h"
#include "cli/run.h"

int main(int argc, char **argv) {
#ifdef __GLIBC__
    // The outputs are made on a second thread (cli::write_all): sharing one heap with it keeps what one thread freed
    // usable by the other: on lvgl.h, 2 MB less peak memory (97.5 MiB instead of 99.4) for no measurable time.
    mallopt(M_ARENA_MAX, 1);
#endif
    // libclang's and libLLVM's relocation tables were read before main and are not needed again (12 MB: on lvgl.h,
    // peak memory 85 MiB instead of 97).
    mpbind::cli::release_relocation_tables();
    std::ios::sync_with_stdio(false);
    return mpbind::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
