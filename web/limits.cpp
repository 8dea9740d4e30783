// Prints the core's loader limits as JSON; the web build writes them to dist/trayecto-limits.json
// for the room server (scripts/live-rooms.mjs), which refuses messages and rooms past them. So
// each limit is declared once, in the core (trayecto::LoadLimits).
#include <cstdio>

#include "trayecto/format.hpp"

int main() {
    const trayecto::LoadLimits limits;
    std::printf("{\"maxMapBytes\": %zu, \"maxStringBytes\": %zu, \"maxItems\": %zu, \"maxDepth\": %d}\n",
                limits.maxBytes, limits.maxStringBytes, limits.maxItems, limits.maxDepth);
    return 0;
}
