// libFuzzer harness for loadMap (see scripts/fuzz.sh and docs/format.md).
// Any input may be refused; an accepted one must satisfy the invariants and survive
// save -> load -> save unchanged. Anything else aborts, which libFuzzer reports as a crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string_view>

#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_load: %s\n%s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace trayecto;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto loaded = loadMap(text);
    if (!loaded.ok()) {
        const LoadError& e = loaded.error();
        // Worded by the UI's catalogue: here, that the error says where when it knows the byte.
        if (e.offset != std::string::npos && e.offset > text.size()) fail("error offset past the end", e.debugText());
        return 0;
    }
    const auto problems = checkInvariants(loaded.value());
    if (!problems.empty()) fail("accepted map breaks an invariant", problems.front());

    const std::string first = saveMap(loaded.value());
    // The saved text is indented, so it may be larger than the input: lift only the byte cap.
    LoadLimits roomy;
    roomy.maxBytes = std::numeric_limits<std::size_t>::max();
    auto reloaded = loadMap(first, roomy);
    if (!reloaded.ok()) fail("saved map does not load again", reloaded.error().debugText() + "\n" + first);
    const std::string second = saveMap(reloaded.value());
    if (second != first) fail("save -> load -> save is not stable", first + "\n---\n" + second);
    return 0;
}
