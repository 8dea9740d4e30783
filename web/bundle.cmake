# cmake -DOUT=file -DPARTS="a;b;c" -P bundle.cmake : writes the parts one after another.
file(WRITE "${OUT}.tmp" "")
foreach(part ${PARTS})
  file(READ "${part}" text)
  file(APPEND "${OUT}.tmp" "${text}\n")
endforeach()
file(RENAME "${OUT}.tmp" "${OUT}")
