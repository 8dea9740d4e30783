// The wasm interface the page's script (web/wasm-bridge.js, its only caller) uses for the
// document and the view: opening and saving maps, where the map is kept, exports, merges, and
// what tests and hosts read. Text returned lives in P.scratch until the next call.
#include <emscripten.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "host_action.hpp"
#include "imgui.h"
#include "nlohmann/json.hpp"
#include "platform.hpp"
#include "widget_registry.hpp"

using namespace trayecto;
using namespace trayecto::app;
using namespace trayecto::web;

namespace {
std::vector<std::pair<std::string, std::string>> gMergeFiles;   // trayecto_merge_*
}  // namespace

extern "C" {

// The open map as JSON text (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* trayecto_get_map() {
    P.scratch = P.app ? P.app->mapJson() : std::string();
    return P.scratch.c_str();
}

// Bytes in the text the last call returned (P.scratch), without its terminating zero.
EMSCRIPTEN_KEEPALIVE double trayecto_scratch_size() { return static_cast<double>(P.scratch.size()); }

// The open map's text written a slice at a time, so that no task is long (autosave):
// trayecto_save_begin(), then trayecto_save_step(n) until it returns 1 (all written) or -1 (the
// map changed: begin again). After each step, trayecto_save_written() is the text so far
// (trayecto_save_written_size() bytes, valid until the next call); trayecto_save_end() frees it.
EMSCRIPTEN_KEEPALIVE void trayecto_save_begin() {
    P.saver.reset();
    if (!P.app) return;
    P.saver = std::make_unique<trayecto::MapSaver>(P.app->document().map());
    P.saverRevision = P.app->document().revision();
}

EMSCRIPTEN_KEEPALIVE int trayecto_save_step(int items) {
    if (!P.app || !P.saver || P.app->document().revision() != P.saverRevision) {
        P.saver.reset();
        return -1;
    }
    if (P.saver->done()) return 1;
    return P.saver->step(static_cast<std::size_t>(std::max(1, items))) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* trayecto_save_written() {
    const std::string_view text = P.saver ? P.saver->written() : std::string_view();
    P.savedSize = text.size();
    return text.data();
}

EMSCRIPTEN_KEEPALIVE double trayecto_save_written_size() { return static_cast<double>(P.savedSize); }

EMSCRIPTEN_KEEPALIVE void trayecto_save_end() { P.saver.reset(); }

// "cards<TAB>personas<TAB>title" of the open map, for My maps (no serialisation needed).
EMSCRIPTEN_KEEPALIVE const char* trayecto_summary() {
    if (!P.app) return "";
    const Map& map = P.app->document().map();
    P.scratch = std::to_string(map.cards.size()) + '\t' + std::to_string(map.personas.size()) + '\t' + map.meta.title;
    return P.scratch.c_str();
}

// The view (not the document) as JSON: zoom, pan, selection, language, pointer. For tests and hosts.
EMSCRIPTEN_KEEPALIVE const char* trayecto_view_state() {
    if (!P.app) return "{}";
    const ViewState& v = P.app->view();
    const ImGuiIO& io = ImGui::GetIO();
    // Ids are any text the format allows: the JSON library escapes them.
    nlohmann::json state = {
        {"zoom", v.zoom}, {"panX", v.panX}, {"panY", v.panY}, {"lang", langTag(v.lang)},
        {"editing", v.editingCard}, {"activePersona", v.activePersona}, {"mouseDown", io.MouseDown[0]},
        {"pointer", {io.MousePos.x, io.MousePos.y}}, {"selection", v.selection},
        {"following", P.app->following()}, {"readOnly", P.app->document().readOnly()},
        {"undoSteps", P.app->document().history().undoCount()}, {"showMinimap", v.showMinimap},
        {"personaFilter", v.personaFilter}, {"renaming", P.app->canvas().renaming()},
        {"focusStage", v.focusStage}, {"focusLane", v.focusLane}, {"participant", v.participant},
        {"peers", nlohmann::json::array()}};
    nlohmann::json& peers = state["peers"];
    for (const Peer& p : v.peers)
        peers.push_back({{"name", p.name}, {"rgb", p.rgb}, {"selection", p.selection}, {"editing", p.editing}});
    P.scratch = state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return P.scratch.c_str();
}

// The next piece of the page's screen-reader copy of the map (app::Mirror::next): `cause` is the
// ChangeCause to announce, `maxCards` about how many cards it may carry. Valid until the next call
// (trayecto_scratch_size bytes).
EMSCRIPTEN_KEEPALIVE const char* trayecto_mirror(int cause, int maxCards) {
    if (!P.app) return "{}";
    P.scratch = P.mirror.next(P.app->document(), P.app->view(), static_cast<ChangeCause>(std::clamp(cause, 0, 5)),
                              static_cast<size_t>(std::max(1, maxCards)));
    return P.scratch.c_str();
}

// The side panel for the screen reader's copy (app/panel_copy.hpp): its fields, the one with the
// keyboard and what to say of it. Asked when the app tells the page it changed (onPanelChanged).
EMSCRIPTEN_KEEPALIVE const char* trayecto_panel() {
    if (!P.app) return "{}";
    P.scratch = P.panel.json(P.app->view().lang);
    return P.scratch.c_str();
}

// Where an item is on screen, in CSS pixels relative to the canvas: "x,y,w,h", or "" when it is
// not laid out. Cards, stages (their header), lanes (their row); for tests and embedding hosts.
EMSCRIPTEN_KEEPALIVE const char* trayecto_locate(const char* idBytes, int idSize) {
    const Id id(idBytes, static_cast<size_t>(std::max(0, idSize)));   // any id, a NUL inside included
    P.scratch.clear();
    if (!P.app) return P.scratch.c_str();
    const Map& map = P.app->document().map();
    const ViewState& v = P.app->view();
    const Canvas& canvas = P.app->canvas();
    const MapLayout& layout = canvas.layout();
    const Box* box = nullptr;
    const int card = cardIndex(map, id);
    const int slot = card >= 0 ? layout.slotOfCard(card) : -1;
    if (slot >= 0) box = &layout.cards[static_cast<size_t>(slot)].box;
    const int stage = stageIndex(map, id);
    if (stage >= 0 && stage < static_cast<int>(layout.stageHeaders.size())) box = &layout.stageHeaders[static_cast<size_t>(stage)];
    const int lane = laneIndex(map, id);
    for (size_t r = 0; r < layout.rowLane.size(); ++r)
        if (layout.rowLane[r] == lane) box = &layout.rows[r];
    if (!box) return P.scratch.c_str();
    const float k = P.pixelRatio > 0 ? P.pixelRatio : 1.0f;
    const float x0 = canvas.toScreenX(v, box->x0) / k, y0 = canvas.toScreenY(v, box->y0) / k;
    const float x1 = canvas.toScreenX(v, box->x1) / k, y1 = canvas.toScreenY(v, box->y1) / k;
    P.scratch = std::to_string(x0) + "," + std::to_string(y0) + "," + std::to_string(x1 - x0) + "," + std::to_string(y1 - y0);
    return P.scratch.c_str();
}

// A card chosen in the page's screen-reader copy of the map (a11y-mirror.js): selected on the
// canvas, its cell the arrow keys' start, and on screen. 1 when it is shown, else 0.
EMSCRIPTEN_KEEPALIVE int trayecto_show_card(const char* idBytes, int idSize) {
    const Id id(idBytes, static_cast<size_t>(std::max(0, idSize)));
    if (!P.app || !P.app->canvas().showCard(P.app->document().map(), P.app->view(), id)) return 0;
    requestFrames(2);
    return 1;
}

// Where the widget labelled `text` (its visible text or its ##id) was drawn in the last frame, in
// CSS pixels relative to the canvas: {"x","y","width","height","window"} as JSON, or "" if none.
EMSCRIPTEN_KEEPALIVE const char* trayecto_locate_widget(const char* text) {
    P.scratch.clear();
    const widgets::Widget* w = P.app ? widgets::find(text) : nullptr;
    if (!w) return P.scratch.c_str();
    const float k = P.pixelRatio > 0 ? P.pixelRatio : 1.0f;
    const nlohmann::json box = {{"x", w->min.x / k}, {"y", w->min.y / k}, {"width", (w->max.x - w->min.x) / k},
                                {"height", (w->max.y - w->min.y) / k}, {"label", w->label}, {"window", w->window}};
    P.scratch = box.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return P.scratch.c_str();
}

// Screen position (CSS pixels) of a persona's emotion point at a stage index: "x,y" or "".
EMSCRIPTEN_KEEPALIVE const char* trayecto_emotion_point(const char* personaBytes, int personaSize, int stage) {
    const Id persona(personaBytes, static_cast<size_t>(std::max(0, personaSize)));
    P.scratch.clear();
    float x = 0, y = 0;
    if (P.app && P.app->canvas().emotionPoint(P.app->document().map(), P.app->view(), persona, stage, x, y)) {
        const float k = P.pixelRatio > 0 ? P.pixelRatio : 1.0f;
        P.scratch = std::to_string(x / k) + "," + std::to_string(y / k);
    }
    return P.scratch.c_str();
}

// Opens a map from raw bytes (a file as it is on disk: invalid UTF-8 is reported, not repaired).
// `source` is App::MapSource (0 elsewhere, 1 a file, 2 browser storage, 3 another tab's version):
// the map is kept there as it is. Returns "" or the error message (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* trayecto_load_map_bytes(const char* bytes, int size, int source) {
    if (!P.app || size < 0) { P.scratch = "The app has not started."; return P.scratch.c_str(); }
    const auto from = static_cast<App::MapSource>(std::clamp(source, 0, 3));
    LoadOutcome outcome = P.app->loadMapJson(std::string_view(bytes, static_cast<size_t>(size)), from);
    P.scratch = outcome.ok ? std::string() : outcome.error;
    requestFrames(3);
    return P.scratch.c_str();
}

// The characters of the open map's text that the fonts cannot show (drawn as '?'): a JSON array
// of code points. For tests and diagnostics.
EMSCRIPTEN_KEEPALIVE const char* trayecto_missing_glyphs() {
    P.scratch = P.app ? nlohmann::json(glyphsLacking(P.app->document().map(), P.app->fonts())).dump() : "[]";
    return P.scratch.c_str();
}

// The largest map the loader opens, in bytes: the page stops reading links and src= maps there.
EMSCRIPTEN_KEEPALIVE double trayecto_max_map_bytes() { return static_cast<double>(LoadLimits{}.maxBytes); }

// Brings back an earlier version of the open map as one undoable step ("" or the error).
EMSCRIPTEN_KEEPALIVE const char* trayecto_restore_version(const char* bytes, int size) {
    if (!P.app || size < 0) { P.scratch = "The app has not started."; return P.scratch.c_str(); }
    Result<Map> loaded = loadMap(std::string_view(bytes, static_cast<size_t>(size)));
    if (!loaded) { P.scratch = describe(P.app->view().lang, loaded.error()); return P.scratch.c_str(); }
    Document& doc = P.app->document();
    const std::optional<std::string> error = doc.execute(cmd::replaceMap(doc.map(), loaded.value(), "Restore version"));
    P.scratch = error ? *error : std::string();
    requestFrames(3);
    return P.scratch.c_str();
}

// Renames the open map (one undoable step). Returns 1 when renamed.
EMSCRIPTEN_KEEPALIVE int trayecto_set_title(const char* title) {
    if (!P.app) return 0;
    Document& doc = P.app->document();
    MapMeta meta = doc.map().meta;
    meta.title = title;
    const bool ok = !doc.execute(cmd::setMeta(doc.map(), meta));
    requestFrames(2);
    return ok ? 1 : 0;
}

// A stored map (not the open one) with another title: its JSON text, or "" when it does not
// load (the text is then trayecto_scratch_size() == 0). The map's text is never edited in JS.
EMSCRIPTEN_KEEPALIVE const char* trayecto_retitled(const char* bytes, int size, const char* title) {
    P.scratch.clear();
    if (size < 0) return P.scratch.c_str();
    Result<Map> loaded = loadMap(std::string_view(bytes, static_cast<size_t>(size)));
    if (!loaded) return P.scratch.c_str();
    loaded.value().meta.title = title;
    P.scratch = saveMap(loaded.value());
    return P.scratch.c_str();
}

// The names of the host actions (app/host_action.hpp), as a JSON array indexed by action.
EMSCRIPTEN_KEEPALIVE const char* trayecto_host_actions() {
    nlohmann::json names = nlohmann::json::array();
    for (int i = 0; i < kHostActionCount; ++i) names.push_back(hostActionName(static_cast<HostAction>(i)));
    P.scratch = names.dump();
    return P.scratch.c_str();
}

// The catalogue of every string a person reads (app/i18n*.hpp) in the language of `tag`, or in
// the UI's language for "": a JSON object {key: text}. The page's dialogs word themselves with it.
EMSCRIPTEN_KEEPALIVE const char* trayecto_texts(const char* tag) {
    const std::string wanted = tag ? tag : "";
    const Lang lang = !wanted.empty() ? langFromTag(wanted) : P.app ? P.app->view().lang : Lang::En;
    P.scratch = catalogueJson(lang);
    return P.scratch.c_str();
}

EMSCRIPTEN_KEEPALIVE void trayecto_set_language(const char* tag) {
    if (P.app) P.app->setLanguage(langFromTag(tag));
    requestFrames(3);
}

// The document's revision: bumps on every change, undo and redo.
EMSCRIPTEN_KEEPALIVE double trayecto_revision() {
    return P.app ? static_cast<double>(P.app->document().revision()) : 0;
}

// The open map as of `revision` is now kept there (keeper: 0 this browser, 1 a file).
EMSCRIPTEN_KEEPALIVE void trayecto_mark_clean(int keeper, double revision) {
    if (P.app && (keeper == 0 || keeper == 1))
        P.app->document().markClean(static_cast<Keeper>(keeper), static_cast<std::uint64_t>(revision));
    requestFrames(2);
}

// The open map is no longer kept there (its browser entry was deleted).
EMSCRIPTEN_KEEPALIVE void trayecto_forget_clean(int keeper) {
    if (P.app && (keeper == 0 || keeper == 1)) P.app->document().forgetClean(static_cast<Keeper>(keeper));
    requestFrames(2);
}

// 1 when the open map is kept there as it is now: the one answer to "is it saved?".
EMSCRIPTEN_KEEPALIVE int trayecto_is_clean(int keeper) {
    return P.app && (keeper == 0 || keeper == 1) && P.app->document().isClean(static_cast<Keeper>(keeper)) ? 1 : 0;
}

// 1 when the map changed since it was opened and a file does not have it as it is.
EMSCRIPTEN_KEEPALIVE int trayecto_changed_since_file() {
    return P.app && P.app->changedSinceFileSave() ? 1 : 0;
}

// Whether this browser can keep the map: 0 unknown, 1 on, 2 failing, 3 off.
EMSCRIPTEN_KEEPALIVE void trayecto_set_storage_status(int status) {
    if (P.app && status >= 0 && status <= 3) P.app->setStorageStatus(static_cast<App::StorageStatus>(status));
    requestFrames(2);
}

// Another tab edits this map (1): this one follows its versions and edits nothing.
EMSCRIPTEN_KEEPALIVE void trayecto_set_following(int following) {
    if (P.app) P.app->setFollowing(following != 0);
    requestFrames(2);
}

// Opens a new map from a template ("retail-ecommerce", "blank", …; see templates/) in the UI
// language, or the built-in example for "example". Returns 0 when there is no such template.
EMSCRIPTEN_KEEPALIVE int trayecto_new_map(const char* templateId) {
    if (!P.app) return 0;
    const bool opened = P.app->newFromTemplate(templateId);
    requestFrames(3);
    return opened ? 1 : 0;
}

// An export of the open map ("csv", "md", "html") in the UI language (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* trayecto_export(const char* kind) {
    P.scratch = P.app ? P.app->exportText(kind) : std::string();
    return P.scratch.c_str();
}

// Merging participants' files: begin, add each (name, JSON text), finish. Finish returns "" or
// what is wrong (valid until the next call); on failure nothing changes.

EMSCRIPTEN_KEEPALIVE void trayecto_merge_begin() { gMergeFiles.clear(); }

// A participant's file as bytes with their length: a NUL inside is the loader's to refuse, not an end.
EMSCRIPTEN_KEEPALIVE void trayecto_merge_add(const char* name, const char* bytes, int size) {
    gMergeFiles.emplace_back(name, std::string(bytes, static_cast<size_t>(std::max(0, size))));
}

EMSCRIPTEN_KEEPALIVE const char* trayecto_merge_finish() {
    P.scratch = P.app ? P.app->mergeParticipantFiles(gMergeFiles) : std::string("The app has not started.");
    gMergeFiles.clear();
    requestFrames(3);
    return P.scratch.c_str();
}

// Dot voting with this many votes per person; 0 turns it off.
EMSCRIPTEN_KEEPALIVE void trayecto_set_voting(int votesPerPerson) {
    if (!P.app) return;
    P.app->setVoting(votesPerPerson);   // a document change: one undoable step
    requestFrames(3);
}

// Whose copy the open map is (workshop.participant: the name given when saving), for the file name.
EMSCRIPTEN_KEEPALIVE const char* trayecto_participant_name() {
    if (!P.app) return "";
    P.scratch = P.app->document().map().workshop.participant;
    return P.scratch.c_str();
}

// The name the person at this page gave (HostAction::LiveName says when): the one rooms show.
EMSCRIPTEN_KEEPALIVE const char* trayecto_given_name() {
    if (!P.app) return "";
    P.scratch = P.app->givenName();
    return P.scratch.c_str();
}

// The name this browser gave on an earlier visit (the page keeps it): "Your name" starts from it.
EMSCRIPTEN_KEEPALIVE void trayecto_set_given_name(const char* name) {
    if (P.app) P.app->setGivenName(name ? name : "");
}

// The welcome dialog (a first visit; the page decides).
EMSCRIPTEN_KEEPALIVE void trayecto_show_welcome() {
    if (P.app) P.app->showWelcome();
    requestFrames(3);
}

// Who votes on this screen (ballots in the map's workshop block are kept per participant).
EMSCRIPTEN_KEEPALIVE void trayecto_set_participant(const char* id) {
    if (P.app) P.app->setParticipant(id ? id : "");
    requestFrames(2);
}

// Embedding controls.
EMSCRIPTEN_KEEPALIVE void trayecto_set_read_only(int readOnly) {
    if (P.app) P.app->setReadOnly(readOnly != 0);
    requestFrames(3);
}

EMSCRIPTEN_KEEPALIVE int trayecto_read_only() { return P.app && P.app->document().readOnly() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void trayecto_set_minimal_ui(int minimal) {
    if (P.app) P.app->setMinimalUi(minimal != 0);
    requestFrames(3);
}

EMSCRIPTEN_KEEPALIVE void trayecto_set_presenting(int presenting) {
    if (P.app) P.app->setPresenting(presenting != 0);
    requestFrames(3);
}

EMSCRIPTEN_KEEPALIVE int trayecto_set_persona_filter(const char* persona) {
    const bool found = P.app && P.app->setPersonaFilter(persona);
    requestFrames(3);
    return found ? 1 : 0;
}

}  // extern "C"
