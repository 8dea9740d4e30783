// What a frame changes on screen (app/frame_damage.hpp), from real ImGui draw data: nothing when
// the frame is the same, about the changed text when one text changes, everything when the
// size, the surface or most of the screen changes; rectangles never overlap.
#include <catch2/catch.hpp>

#include <string>

#include "frame_damage.hpp"
#include "imgui.h"

using trayecto::app::FrameDamage;
using trayecto::app::PixelRect;

namespace {

struct Imgui {
    Imgui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(640, 480);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Imgui() { ImGui::DestroyContext(); }

    // Two windows: a label at (40, 40) and `lines` lines of text at (300, 100).
    const ImDrawData& frame(const std::string& label, int lines = 3, ImVec2 size = ImVec2(640, 480)) {
        ImGui::GetIO().DisplaySize = size;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(40, 40));
        ImGui::SetNextWindowSize(ImVec2(200, 80));
        ImGui::Begin("##label", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::TextUnformatted(label.c_str());
        ImGui::End();
        ImGui::SetNextWindowPos(ImVec2(300, 100));
        ImGui::SetNextWindowSize(ImVec2(300, 360));
        ImGui::Begin("##lines", nullptr, ImGuiWindowFlags_NoDecoration);
        for (int i = 0; i < lines; ++i) ImGui::Text("Line %d of the text", i);
        ImGui::End();
        ImGui::Render();
        return *ImGui::GetDrawData();
    }
};

bool disjoint(const std::vector<PixelRect>& rects) {
    for (size_t i = 0; i < rects.size(); ++i)
        for (size_t j = i + 1; j < rects.size(); ++j)
            if (!trayecto::app::intersection(rects[i], rects[j]).empty()) return false;
    return true;
}

}  // namespace

TEST_CASE("frame damage: the first frame is whole, the same frame again is nothing") {
    Imgui ui;
    FrameDamage damage;
    ui.frame("Hello");
    damage.next(*ImGui::GetDrawData(), 7);
    CHECK(damage.full());
    CHECK(damage.redrawnPixels() == 640L * 480L);
    ui.frame("Hello");
    damage.next(*ImGui::GetDrawData(), 7);
    CHECK_FALSE(damage.full());
    CHECK(damage.rects().empty());
    CHECK(damage.redrawnPixels() == 0);
}

TEST_CASE("frame damage: a changed text redraws about that text, and nothing far from it") {
    Imgui ui;
    FrameDamage damage;
    damage.next(ui.frame("Hello"), 0);
    damage.next(ui.frame("Hellp"), 0);
    REQUIRE_FALSE(damage.full());
    REQUIRE(damage.rects().size() == 1);
    const PixelRect r = damage.rects().front();
    // The label's text starts near (48, 48); its last letter changed: that letter's tiles, not the
    // other window's.
    CHECK(r.x0 >= 32);
    CHECK(r.y0 >= 32);
    CHECK(r.x1 <= 128);
    CHECK(r.y1 <= 96);
    CHECK(damage.redrawnPixels() <= 4 * FrameDamage::kTile * FrameDamage::kTile);

    // A line more in the second window and a changed label: two rectangles, apart.
    damage.next(ui.frame("Hellq", 4), 0);
    REQUIRE_FALSE(damage.full());
    CHECK(damage.rects().size() == 2);
    CHECK(disjoint(damage.rects()));
}

TEST_CASE("frame damage: a new size, a new surface or a changed screen is drawn whole") {
    Imgui ui;
    FrameDamage damage;
    damage.next(ui.frame("Hello"), 0);
    damage.next(ui.frame("Hello", 3, ImVec2(800, 600)), 0);
    CHECK(damage.full());
    CHECK(damage.redrawnPixels() == 800L * 600L);
    damage.next(ui.frame("Hello", 3, ImVec2(800, 600)), 1);   // e.g. the font atlas was baked again
    CHECK(damage.full());
    damage.next(ui.frame("Hello", 3, ImVec2(800, 600)), 1);
    CHECK(damage.rects().empty());
    damage.invalidate();
    damage.next(ui.frame("Hello", 3, ImVec2(800, 600)), 1);
    CHECK(damage.full());
}

TEST_CASE("frame damage: many scattered changes stay few disjoint rectangles inside the screen") {
    Imgui ui;
    FrameDamage damage;
    damage.next(ui.frame("Hello", 20), 0);
    damage.next(ui.frame("Hello", 3), 0);   // 17 lines gone
    REQUIRE_FALSE(damage.full());
    CHECK_FALSE(damage.rects().empty());
    CHECK(damage.rects().size() <= static_cast<size_t>(FrameDamage::kMaxRects));
    CHECK(disjoint(damage.rects()));
    for (const PixelRect& r : damage.rects()) {
        CHECK(r.x0 >= 0);
        CHECK(r.y0 >= 0);
        CHECK(r.x1 <= 640);
        CHECK(r.y1 <= 480);
    }
}

TEST_CASE("frame damage: a large command's triangles are picked when they meet the damage") {
    Imgui ui;
    FrameDamage damage;
    damage.next(ui.frame("Hello", 12), 0);
    const ImDrawData& data = ui.frame("Hellp", 12);
    damage.next(data, 0);
    REQUIRE_FALSE(damage.full());
    size_t all = 0, picked = 0;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        for (const ImDrawCmd& command : data.CmdLists[n]->CmdBuffer) {
            std::vector<unsigned> out;
            damage.trianglesInDamage(data, *data.CmdLists[n], command, out);
            CHECK(out.size() % 3 == 0);
            all += command.ElemCount;
            picked += out.size();
        }
    }
    CHECK(picked > 0);              // the changed label's glyphs
    CHECK(picked * 4 < all);        // not the twelve lines of the other window
}
