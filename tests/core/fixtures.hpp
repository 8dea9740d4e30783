// Reading test fixtures from tests/fixtures (works natively and under node with NODERAWFS).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace trayecto::test {

inline std::string fixturePath(const std::string& name) {
    return std::string(TRAYECTO_FIXTURES_DIR) + "/" + name;
}

inline std::string readFixture(const std::string& name) {
    std::ifstream in(fixturePath(name), std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace trayecto::test
