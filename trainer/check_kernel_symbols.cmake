# Fails if a kernel object (KERNELS: set=object;...) defines a global or weak symbol that is
# neither its entry point ctnn_train::train_lane_group_<set> nor in its inline namespace
# (ctnn::<set>::..., or a template instantiated on such a type): the linker would merge such a
# symbol with other objects' copies and could keep this set's code for their callers.
foreach(kernel IN LISTS KERNELS)
  string(REPLACE "=" ";" pair "${kernel}")
  list(GET pair 0 set)
  list(GET pair 1 object)
  string(LENGTH "${set}" set_length)
  execute_process(COMMAND ${NM} -C --defined-only ${object} OUTPUT_VARIABLE symbols
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${NM} failed on ${object}")
  endif()
  string(REPLACE ";" "," symbols "${symbols}")
  string(REPLACE "\n" ";" lines "${symbols}")
  set(shared "")
  set(entry_found FALSE)
  foreach(line IN LISTS lines)
    # "<address> <type> <name>": lower-case types (but u, a unique global) are local.
    if(NOT line MATCHES "^[0-9a-f]* ([A-Zu]) (.*)$")
      continue()
    endif()
    set(name "${CMAKE_MATCH_2}")
    set(type "${CMAKE_MATCH_1}")
    if(name MATCHES "^ctnn_train::train_lane_group_${set}\\(")
      set(entry_found TRUE)
    elseif(type MATCHES "^[Vu]$" AND name MATCHES "^(typeinfo|DW\\.ref\\.__gxx_personality)")
      # Constant data the same in every object (sanitizers' type descriptions): merging is harmless.
    elseif(NOT name MATCHES "::${set}::" AND NOT name MATCHES "4ctnn${set_length}${set}")
      # (The second: a name binutils cannot demangle, such as Clang 19's mangling of constrained
      # templates, still names ctnn::<set> as N4ctnn4avx2...)
      string(APPEND shared "\n  ${name}")
    endif()
  endforeach()
  if(NOT entry_found)
    message(FATAL_ERROR "${object}: no entry point ctnn_train::train_lane_group_${set}")
  endif()
  if(shared)
    message(FATAL_ERROR "the ${set} kernel (${object}) defines symbols it shares with other "
                        "code, which the linker may merge with their copies:${shared}")
  endif()
  message(STATUS "${set}: every global symbol is the entry point or in ctnn::${set}")
endforeach()
