// mpbind's entry point: forwards to cli::run.
#include <iostream>

#include "cli/run.h"

int main(int argc, char **argv) {
    std::ios::sync_with_stdio(false);
    return mpbind::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
