// What the app asks of its host (the page): one declaration, read by the app, the wasm bridge
// and (through the bridge) the page's script.
#pragma once

namespace trayecto::app {

// X(enumerator, name the page knows it by)
#define TRAYECTO_HOST_ACTIONS(X)          \
    X(SaveFile, "save-file")              \
    X(OpenFile, "open-file")              \
    X(MyMaps, "my-maps")                  \
    X(VersionHistory, "history")          \
    X(CopyLink, "copy-link")              \
    X(LiveStart, "live-start")            \
    X(LiveLink, "live-link")              \
    X(LiveLeave, "live-leave")            \
    X(LiveName, "live-name")              \
    X(MergeFiles, "merge-files")          \
    X(Analysis, "analysis")               \
    X(ExportCsv, "export-csv")            \
    X(ExportMarkdown, "export-md")        \
    X(ExportHtml, "export-html")          \
    X(ExportPng, "export-png")            \
    X(BeforeNewMap, "before-new-map")     \
    X(NewMapOpened, "new-map-opened")     \
    X(LanguageChanged, "language-changed")

enum class HostAction : int {
#define TRAYECTO_HOST_ACTION_ENUM(name, text) name,
    TRAYECTO_HOST_ACTIONS(TRAYECTO_HOST_ACTION_ENUM)
#undef TRAYECTO_HOST_ACTION_ENUM
};

inline const char* hostActionName(HostAction action) {
    switch (action) {
#define TRAYECTO_HOST_ACTION_NAME(name, text) case HostAction::name: return text;
        TRAYECTO_HOST_ACTIONS(TRAYECTO_HOST_ACTION_NAME)
#undef TRAYECTO_HOST_ACTION_NAME
    }
    return "";
}

constexpr int kHostActionCount = 0
#define TRAYECTO_HOST_ACTION_COUNT(name, text) +1
    TRAYECTO_HOST_ACTIONS(TRAYECTO_HOST_ACTION_COUNT)
#undef TRAYECTO_HOST_ACTION_COUNT
    ;

}  // namespace trayecto::app
