# Hostile command lines: empty values, repeated flags, flags of the other command, flags before
# the task, control characters echoed in messages. See lib.sh.
# SPDX-License-Identifier: BSL-1.0
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fresh unknown_flag
T xor --frobnicate
check "an unknown flag is refused before anything is written" refused "--frobnicate"

finish
