# Runs the limits program (web/limits.cpp) under node and keeps what it prints in OUT
# (--no-experimental-fetch: otherwise Emscripten 3.1.6's JS tries to fetch its wasm and fails).
execute_process(COMMAND "${NODE}" --no-experimental-fetch "${PROGRAM}" OUTPUT_FILE "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE "${OUT}")
  message(FATAL_ERROR "${PROGRAM} failed (${rc})")
endif()
