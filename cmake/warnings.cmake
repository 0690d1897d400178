# Warnings belong on the project's own targets, never on the INTERFACE target users link.
function(ctnn_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
endfunction()
