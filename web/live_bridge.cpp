// Live rooms (docs/live.md): the core's sync session of the open map, for the page's room
// (web/live.js). Changes travel as JSON text, [[scope, id, field, value], ...], value null for a
// removal (web/live-yjs.mjs writes them into the room's Yjs document and reads them back).
// Text returned lives in P.scratch until the next call.
#include <emscripten.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"
#include "platform.hpp"
#include "trayecto/format.hpp"
#include "trayecto/sync.hpp"

using namespace trayecto;
using namespace trayecto::web;
using Json = nlohmann::json;

namespace {

std::unique_ptr<sync::Session> gSession;   // while the open map is a room's

const char* changesText(const std::vector<sync::Change>& changes) {
    Json list = Json::array();
    for (const auto& c : changes) list.push_back({c.scope, c.id, c.field, c.value ? Json(*c.value) : Json(nullptr)});
    P.scratch = list.dump(-1, ' ', false, Json::error_handler_t::replace);
    return P.scratch.c_str();
}

// What a peer sent, as changes: anything that is not [text, text, text, text or null] is left
// out (the core's reader then refuses what a field's text does not hold, like a bad file's).
std::optional<std::vector<sync::Change>> changesOf(const char* bytes, int size) {
    if (size < 0) return std::nullopt;
    Json list = Json::parse(std::string_view(bytes, static_cast<std::size_t>(size)), nullptr, false);
    if (!list.is_array()) return std::nullopt;
    std::vector<sync::Change> changes;
    changes.reserve(list.size());
    for (const Json& c : list) {
        if (!c.is_array() || c.size() != 4 || !c[0].is_string() || !c[1].is_string() || !c[2].is_string()) continue;
        if (!c[3].is_string() && !c[3].is_null()) continue;
        changes.push_back(sync::Change{c[0].get<std::string>(), c[1].get<std::string>(), c[2].get<std::string>(),
                                       c[3].is_string() ? std::optional<std::string>(c[3].get<std::string>())
                                                        : std::nullopt});
    }
    return changes;
}

}  // namespace

extern "C" {

// The open map becomes a new room's: every field of it, as changes to send.
EMSCRIPTEN_KEEPALIVE const char* trayecto_live_start() {
    if (!P.app) return changesText({});
    gSession = std::make_unique<sync::Session>(P.app->document());
    P.app->setInRoom(true);
    requestFrames(2);
    return changesText(gSession->takeOutgoing());
}

// Joins a room: the open map becomes the map the room's fields stand for. 1 when joined.
EMSCRIPTEN_KEEPALIVE int trayecto_live_join(const char* bytes, int size) {
    if (!P.app) return 0;
    auto changes = changesOf(bytes, size);
    if (!changes) return 0;
    sync::SharedState state;
    sync::applyChanges(state, *changes);
    gSession = std::make_unique<sync::Session>(P.app->document(), std::move(state));
    P.app->keepViewOnMap();   // the room's map: its own personas (the one drawn on top among them)
    P.app->setInRoom(true);
    requestFrames(3);
    return 1;
}

// Joining: the room's map as its server last kept it (a snapshot, in the file format), shown
// read-only until trayecto_live_join makes the room's own document the map, or
// trayecto_live_end_preview brings back the map open before. "" when shown, else why not.
EMSCRIPTEN_KEEPALIVE const char* trayecto_live_preview(const char* bytes, int size) {
    if (!P.app || size < 0 || gSession) { P.scratch = "not joining a room"; return P.scratch.c_str(); }
    Result<Map> loaded = loadMap(std::string_view(bytes, static_cast<std::size_t>(size)));
    if (!loaded) { P.scratch = describe(P.app->view().lang, loaded.error()); return P.scratch.c_str(); }
    P.app->previewMap(std::move(loaded.value()));
    requestFrames(3);
    P.scratch.clear();
    return P.scratch.c_str();
}

EMSCRIPTEN_KEEPALIVE void trayecto_live_end_preview() {
    if (!P.app || !P.app->document().previewing()) return;
    P.app->endPreview();
    requestFrames(3);
}

// This user's edits, undo and redo since the last call, as changes to send ("[]": none).
EMSCRIPTEN_KEEPALIVE const char* trayecto_live_outgoing() {
    return changesText(gSession ? gSession->takeOutgoing() : std::vector<sync::Change>{});
}

// Someone else's changes: the map takes them (not on this user's undo stack). 1 when the map
// changed, 0 when not, -1 when they are not changes at all.
EMSCRIPTEN_KEEPALIVE int trayecto_live_receive(const char* bytes, int size) {
    if (!gSession) return 0;
    auto changes = changesOf(bytes, size);
    if (!changes) return -1;
    const bool changed = gSession->receive(*changes);
    if (changed) P.app->keepViewOnMap();   // what the others removed is not selected here any more
    if (changed) requestFrames(2);
    return changed ? 1 : 0;
}

// The open map is no longer a room's (left, or another map opened): undo is this user's alone again.
EMSCRIPTEN_KEEPALIVE void trayecto_live_leave() {
    if (!gSession) return;
    gSession.reset();
    if (!P.app) return;
    P.app->view().peers.clear();
    P.app->document().setRebase({});
    P.app->setInRoom(false);
    requestFrames(2);
}

EMSCRIPTEN_KEEPALIVE int trayecto_live_active() { return gSession ? 1 : 0; }

// The others in the room, for their selections on the canvas: [{name, colour: "#rrggbb",
// selection: [ids]}] (anything else in it is left out).
EMSCRIPTEN_KEEPALIVE void trayecto_live_peers(const char* bytes, int size) {
    if (!P.app || size < 0) return;
    const Json list = Json::parse(std::string_view(bytes, static_cast<std::size_t>(size)), nullptr, false);
    std::vector<app::Peer> peers;
    if (list.is_array()) {
        for (const Json& p : list) {
            if (!p.is_object()) continue;
            app::Peer peer;
            if (p.contains("name") && p["name"].is_string()) peer.name = p["name"].get<std::string>().substr(0, 80);
            if (p.contains("colour") && p["colour"].is_string()) {
                const std::string c = p["colour"].get<std::string>();
                if (c.size() == 7 && c[0] == '#') peer.rgb = static_cast<std::uint32_t>(std::strtoul(c.c_str() + 1, nullptr, 16));
            }
            if (p.contains("selection") && p["selection"].is_array())
                for (const Json& id : p["selection"])
                    if (id.is_string() && peer.selection.size() < 50) peer.selection.push_back(id.get<std::string>());
            if (p.contains("editing") && p["editing"].is_string()) peer.editing = p["editing"].get<std::string>();
            peers.push_back(std::move(peer));
        }
    }
    P.app->view().peers = std::move(peers);
    requestFrames(1);
}

}  // extern "C"
