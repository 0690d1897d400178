# Hostile command lines: empty values, repeated flags, flags of the other command or before the
# task, control characters echoed in messages, numbers that the scalar type cannot hold, rates
# that diverge, a report that cannot be written. See lib.sh.
# SPDX-License-Identifier: BSL-1.0
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fresh unknown_flag
T xor --frobnicate
check "an unknown flag is named" refused "unknown flag '--frobnicate' for xor"

# Empty values were taken as "not given": --learning-rate "" trained at 0.05, --save "" saved
# nothing and said nothing.
for flag in --learning-rate --epochs --seed --scalar --out --save --load --export-header \
            --print-every --progress; do
  fresh "empty${flag}"
  T xor "$flag" ""
  check "xor $flag '' is refused" refused "^ctnn-train: $flag: expected .*, got ''$"
  fresh "empty_equals${flag}"
  T xor "$flag="
  check "xor $flag= is refused" refused "^ctnn-train: $flag: expected .*, got ''$"
done
for flag in --seeds --threads; do
  fresh "sweep_empty${flag}"
  T sweep xor "$flag" ""
  check "sweep xor $flag '' is refused" refused "^ctnn-train: $flag: expected a whole number, got ''$"
done

# A flag given twice: CLI11 said "--seed: At Most 1 required but received 2".
fresh repeated_seed
T xor --seed 1 --seed=2
check "a repeated flag is named with both values" \
  refused "^ctnn-train: --seed is given twice \('1' and '2'\); give it once$"
fresh repeated_switch
T xor --full-curve --full-curve
check "a repeated switch is named" refused "^ctnn-train: --full-curve is given twice; give it once$"

# A sweep's flag on a task, and a task's flag on sweep: CLI11 said "The following arguments were
# not expected: 5 --seeds".
fresh seeds_without_sweep
T xor --seeds 5
check "--seeds without sweep says it belongs to sweep" \
  refused "^ctnn-train: --seeds is a flag of sweep, .*ctnn-train sweep xor --seeds"
fresh save_with_sweep
T sweep xor --save model.json
check "--save with sweep says why not" refused "^ctnn-train: --save is not a flag of sweep"

# Flags before the task: "unknown task '5'".
fresh flags_before_task
T --epochs 5 xor
check "flags before the task: the fix is shown" \
  refused "^ctnn-train: the task comes first, then its flags: ctnn-train xor --epochs 5$"
fresh flags_without_task
T --epochs 5
check "flags and no task" refused "^ctnn-train: no task given"
fresh extra_argument
T xor 5
check "an extra argument is named" refused "^ctnn-train: unexpected argument '5'"
fresh sweep_two_tasks
T sweep xor or
check "sweep of two tasks" refused "^ctnn-train: unexpected argument 'or'"

# Control characters in a value are escaped: a newline split the message in two.
fresh newline_in_value
T xor --learning-rate $'0.1\nINJECTED'
check "a newline in a value stays on the message's line" \
  refused "^ctnn-train: --learning-rate: expected a number, got '0\.1\\\\nINJECTED'$"
fresh escape_in_task
T $'x\e[31mor'
check "an escape sequence in a task name is shown escaped" refused "unknown task 'x\\\\x1b\[31mor'"
fresh newline_in_save
T xor --epochs 1 --save $'no/such\ndir/m.json'
check "a newline in a path stays on the message's line" refused "no/such\\\\ndir"
fresh long_value
T xor --epochs "$(printf '9%.0s' {1..5000})"
check "a 5000-character value is shortened" refused "\.\.\.'$"
[[ ${#err} -lt 300 ]]
check "... to a short line" test "${#err}" -lt 300

# Numbers the scalar type cannot hold: float rounded 1e-50 to 0, trained nothing, exited 0.
fresh float_rate_underflow
T xor --scalar float --learning-rate 1e-50
check "a float rate that rounds to 0 is refused" refused "^ctnn-train: --learning-rate: 1e-50 is 0 in float"
fresh float_rate_overflow
T sweep xor --scalar float --learning-rate 1e39
check "a float rate beyond float's range is refused" refused "beyond float's range"
fresh double_tiny_rate
T xor --scalar double --learning-rate 1e-300 --epochs 1 --print-every 0
check "a tiny double rate is a double" status_is 0

# Divergence beyond NaN: from 1e9 up, double rates grew the weights to 1e306 and exited 0.
fresh diverges_large_weights
T xor --learning-rate 1e9 --print-every 0
check "rate 1e9: diverged, exit 3, the bound named" status_is 3
check "... with one line naming the epoch and the bound" \
  one_error_line "^ctnn-train: training diverged at epoch [0-9]+: the parameters' norm passed 1e\+06"
check "... and nothing written" only_entries
fresh sweep_diverges_large_weights
T sweep xor --seeds 3 --learning-rate 1e9
check "a sweep at rate 1e9 diverges (exit 3)" status_is 3
check "... and writes nothing" only_entries

# A sweep's memory does not grow with its threads: 1024 threads x 10^7 epochs of per-thread
# counts asked for 82 GB. Under a 2 GiB address-space limit the sweep must start and be stopped by
# the timeout, not by bad_alloc (exit 134) or the OOM killer.
fresh sweep_many_threads
if [[ -n ${CTNN_HOSTILE_ASAN:-} ]]; then
  echo "# skipped under AddressSanitizer, which needs more address space than the limit"
else
  (ulimit -v 2097152 && timeout 3 "$trainer" sweep xor --threads 1024 --seeds 1024 \
     --epochs 10000000 --progress off </dev/null >/dev/null 2>"$scratch/.err")
  status=$?
  err=$(cat "$scratch/.err")
  check "1024 threads x 10^7 epochs fit in 2 GiB (runs until the timeout)" status_is 124
fi

# The report cannot be written: it was lost and the run exited 0.
fresh stdout_full
"$trainer" xor --epochs 20 --print-every 1 </dev/null >/dev/full 2>"$scratch/.err"
status=$?
err=$(cat "$scratch/.err")
check "stdout on a full device: exit 4" status_is 4
check "... one line saying so" one_error_line "report could not be written to standard output \(No space left on device\)"
check "... the files still written" test -f xor-network.svg

fresh stdout_closed_pipe
# head exits after one line: SIGPIPE killed the run before it saved its model.
"$trainer" xor --print-every 1 --save m.json </dev/null 2>"$scratch/.err" | head -n 1 >/dev/null
status=${PIPESTATUS[0]}
err=$(cat "$scratch/.err")
check "a closed pipe: exit 4, not death by SIGPIPE" status_is 4
check "... one line saying so" one_error_line "Broken pipe"
check "... and the model saved" test -f m.json

fresh stdout_closed_pipe_ignored
(trap '' PIPE; "$trainer" xor --print-every 1 </dev/null 2>"$scratch/.err" | head -n 1 >/dev/null;
 exit "${PIPESTATUS[0]}")
status=$?
check "with SIGPIPE ignored, a closed pipe also exits 4" status_is 4

# Progress: the lines themselves are tested in progress.test.cpp; here, that a log gets none
# when asked for none.
fresh progress_off
T sweep xor --seeds 300 --epochs 8000 --progress off
check "--progress off prints nothing" test -z "$err"
fresh progress_unknown
T sweep xor --progress sometimes
check "an unknown --progress is refused" refused "^ctnn-train: --progress: expected auto, lines or off, got 'sometimes'$"

# A long run's CSV: 10^7 epochs wrote 300 MB without asking; now at most 100000 rows unless
# --full-curve.
fresh long_run_csv
T xor --epochs 300000 --print-every 0
check "a run of 300000 epochs succeeds" status_is 0
check "... and its CSV has at most 100000 rows and a header" \
  test "$(wc -l <xor-learning-curve.csv)" -le 100001
check "... ending with the last epoch" grep -q '^299999,' xor-learning-curve.csv
fresh long_run_full_csv
T xor --epochs 300000 --print-every 0 --full-curve
check "--full-curve writes every epoch" test "$(wc -l <xor-learning-curve.csv)" -eq 300001

finish
