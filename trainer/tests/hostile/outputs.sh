# Hostile output paths: devices, FIFOs, directories and symbolic links where a file should go,
# paths the kernel will not let a file be created in, over-long names, a full disk, and signals.
# Every refusal comes before training and leaves nothing; a run writes all its files or none.
# Needs root for mknod and mount; the mount cases are skipped with a note when mount fails.
# SPDX-License-Identifier: BSL-1.0
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# mode_of <file>: its permission bits in octal, e.g. 600.
mode_of() { stat -c %a "$1"; }
is_regular() { [[ -f $1 && ! -L $1 ]]; }
is_link() { [[ -L $1 ]]; }
is_char_device() { [[ -c $1 && ! -L $1 ]]; }
is_fifo() { [[ -p $1 ]]; }
is_directory() { [[ -d $1 && ! -L $1 ]]; }
same_text() { [[ $(cat "$1") == "$2" ]]; }
holds_model() { grep -q '"ctnn-model"' "$1"; }
dangling() { [[ -L $1 && ! -e $1 ]]; }
# Mounts are undone on any exit, before lib.sh's trap removes the scratch directory.
mounted=()
trap 'for m in "${mounted[@]}"; do umount "$m"; done; chmod -R u+w "$scratch" 2>/dev/null
  rm -rf "$scratch"' EXIT

fresh char_device
if mknod null c 1 3 2>/dev/null; then
  T xor --epochs 2 --save ./null
  check "--save over a character device is refused" \
    refused "^ctnn-train: --save: .*'./null'.*character device" null
  check "the character device is still one" is_char_device null
else
  echo "# skipped: mknod failed (not root?)"
fi

fresh fifo
mkfifo pipe
# A writer that opened the FIFO would block for ever: the timeout makes that a failure, not a hang.
status=0
timeout 20 "$trainer" xor --epochs 2 --save pipe </dev/null >"$scratch/.out" 2>"$scratch/.err" ||
  status=$?
out=$(cat "$scratch/.out") err=$(cat "$scratch/.err")
check "--save over a FIFO is refused without hanging" refused "^ctnn-train: --save: .*'pipe'.*FIFO" pipe
check "the FIFO is still one" is_fifo pipe

fresh directory
mkdir model.json
T xor --epochs 2 --save model.json
check "--save over a directory is refused" refused "^ctnn-train: --save: .*'model.json'.*directory" \
  model.json
check "the directory is still one" is_directory model.json

fresh dangling_symlink
ln -s nowhere.json model.json
T xor --epochs 2 --save model.json
check "--save to a dangling symbolic link is refused" \
  refused "^ctnn-train: --save: .*'model.json'.*dangling symbolic link" model.json
check "the link still points nowhere" dangling model.json

fresh symlink_to_device
ln -s /dev/null model.json
T xor --epochs 2 --save model.json
check "--save to a symbolic link to a device is refused" \
  refused "^ctnn-train: --save: .*'model.json'.*symbolic link to a character device" model.json

fresh symlink_followed
mkdir keep
echo old >keep/model.json
chmod 0640 keep/model.json
ln -s keep/model.json link.json
T xor --epochs 2 --print-every 0 --out pictures --save link.json
check "--save to a link to a regular file succeeds" status_is 0
check "the link is still a link" is_link link.json
check "the link's target holds the model" holds_model keep/model.json
check "the target keeps its mode 0640" test "$(mode_of keep/model.json)" = 640
check "nothing but the run's files" only_entries keep keep/model.json link.json pictures \
  pictures/xor-learning-curve.svg pictures/xor-learning-curve.csv pictures/xor-network.svg \
  pictures/xor-report.html

fresh mode_kept
echo old >model.json
chmod 0600 model.json
umask 022
T xor --epochs 2 --print-every 0 --out pictures --save model.json
check "a 0600 model is saved over" holds_model model.json
check "and stays 0600" test "$(mode_of model.json)" = 600
T xor --epochs 2 --print-every 0 --out pictures --export-header new.hpp
check "a new file is 0666 less the umask" test "$(mode_of new.hpp)" = 644

for target in /proc/x.json /sys/x.json /proc/sys/kernel/hostname; do
  fresh proc
  T xor --epochs 2 --save "$target"
  check "--save $target is refused, nothing written" refused "^ctnn-train: --save: .*'$target'"
done
fresh proc_header
T xor --epochs 2 --export-header /proc/x.hpp
check "--export-header /proc/x.hpp is refused, nothing written" \
  refused "^ctnn-train: --export-header: .*'/proc/x.hpp'"
fresh proc_out
T xor --epochs 2 --out /proc/pictures
check "--out /proc/pictures is refused, nothing written" refused "^ctnn-train: --out: .*'/proc/pictures'"
fresh sys_out
T xor --epochs 2 --out /sys
check "--out /sys is refused, nothing written" refused "^ctnn-train: --out: .*'/sys/"

fresh long_name
name255=$(printf 'm%.0s' {1..250}).json
T xor --epochs 2 --print-every 0 --save "$name255"
check "a 255-byte file name is saved" status_is 0
check "(it is 255 bytes)" test ${#name255} = 255
check "under that name" holds_model "$name255"
name256=m$name255
T xor --epochs 2000000 --print-every 0 --save "$name256"
check "a 256-byte file name is refused before training" \
  refused "^ctnn-train: --save: .*File name too long" "$name255" xor-learning-curve.svg \
  xor-learning-curve.csv xor-network.svg xor-report.html
check "without the training's report" test -z "$out"

fresh out_under_file
start=$(date +%s%N)
T sweep xor --seeds 20000 --out /etc/hostname/x
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
check "--out under a file is refused" refused "^ctnn-train: --out: .*'/etc/hostname/x'.*Not a directory"
check "at once (${elapsed_ms} ms)" test $elapsed_ms -lt 500

fresh out_dangling
ln -s gone pictures
T xor --epochs 2 --out pictures
check "a dangling link as --out is refused as one" \
  refused "^ctnn-train: --out: 'pictures' is a dangling symbolic link" pictures

fresh out_is_file
echo text >pictures
T sweep xor --seeds 20000 --out pictures
check "a file as --out is refused" refused "^ctnn-train: --out: 'pictures' exists and is not a directory" \
  pictures

fresh save_into_new_out
T xor --epochs 2 --print-every 0 --out newdir --save newdir/m.json
check "--save into the directory --out creates" status_is 0
check "the model is there" holds_model newdir/m.json

fresh report_over_directory
mkdir pictures pictures/xor-report.html
T xor --epochs 2000000 --print-every 0 --out pictures --save m.json
check "a directory where the HTML report goes is refused before training" \
  refused "^ctnn-train: --out: .*'pictures/xor-report.html'.*directory" pictures \
  pictures/xor-report.html
check "without the training's report" test -z "$out"

fresh same_file_twice
T xor --epochs 2 --print-every 0 --save xor-network.svg
check "--save naming a picture the run writes is refused" \
  refused "^ctnn-train: --save: 'xor-network.svg' is also written by"

fresh read_only_out
mkdir ro
if mount --bind -o ro ro ro 2>/dev/null; then
  mounted+=("$PWD/ro")
  T xor --epochs 2000000 --print-every 0 --out ro
  check "a read-only --out is refused before training" \
    refused "^ctnn-train: --out: .*Read-only file system" ro
  T xor --epochs 2 --save ro/m.json
  check "--save into a read-only directory is refused" \
    refused "^ctnn-train: --save: .*Read-only file system" ro
  umount ro && unset 'mounted[-1]'
else
  echo "# skipped: mount --bind -o ro failed (not root?)"
fi

fresh full_disk
mkdir disk
if mount -t tmpfs -o size=64k tmpfs disk 2>/dev/null; then
  mounted+=("$PWD/disk")
  # 20000 epochs make a CSV of about 500 kB: the 64 kB disk fills while it is written.
  T xor --epochs 20000 --print-every 0 --out disk/pictures --save disk/m.json
  check "a disk that fills is a one-line error" \
    refused "^ctnn-train: --out: cannot write 'disk/pictures/xor-learning-curve.csv': No space left" disk
  check "leaving nothing on the disk, the directory it made removed" \
    test -z "$(ls -A disk)"
  umount disk && unset 'mounted[-1]'
else
  echo "# skipped: mount -t tmpfs failed (not root?)"
fi

# signalled <signal> <status>: a long run, signalled while training; no temporary file, no
# directory it made, and the status of a process killed by that signal.
signalled() {
  # Job control on: a non-interactive shell starts background commands with SIGINT ignored.
  set -m
  "$trainer" xor --epochs 10000000 --print-every 0 --out pictures --save m.json \
    </dev/null >/dev/null 2>&1 &
  local pid=$! tries=0
  set +m
  # The run reserves its files before training: wait for the temporary files to appear.
  until compgen -G '.ctnn-train-*.tmp' >/dev/null || ((++tries > 100)); do sleep 0.05; done
  sleep 0.2
  kill -s "$1" $pid
  wait $pid
  status=$?
  check "SIG$1 kills the run (status $2)" status_is "$2"
  check "SIG$1 leaves no temporary file and no directory it made" only_entries
}
fresh sigterm
signalled TERM 143
fresh sigint
signalled INT 130
fresh sighup
signalled HUP 129

fresh sigterm_while_writing
set -m
"$trainer" xor --epochs 10000000 --print-every 0 --full-curve --out pictures </dev/null >/dev/null 2>&1 &
pid=$!
set +m
# The full CSV of 10 million epochs is about 300 MB: wait until its temporary file is being filled.
for ((tries = 0; tries < 400; ++tries)); do
  [[ -n $(find pictures -name '.ctnn-train-*.tmp' -size +1M 2>/dev/null) ]] && break
  sleep 0.05
done
kill -s TERM $pid
wait $pid
status=$?
check "SIGTERM while the files are written kills the run" status_is 143
check "and leaves no temporary file and no directory it made" only_entries

fresh stale_temporaries
# A pid that is surely dead: a child that has exited (and been waited for).
sh -c 'exit 0' &
dead=$!
wait $dead
touch ".ctnn-train-$dead-0.tmp" ".ctnn-train-$$-0.tmp" .ctnn-train-other.tmp
T xor --epochs 2 --print-every 0
check "a run works beside stale temporary files" status_is 0
check "and removes the dead run's, not the live one's" only_entries ".ctnn-train-$$-0.tmp" \
  .ctnn-train-other.tmp xor-learning-curve.svg xor-learning-curve.csv xor-network.svg \
  xor-report.html

finish
