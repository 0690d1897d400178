# Hostile model files for --load: deep nesting, endless and huge files, devices, FIFOs,
# directories, symbolic links, read errors, and files that differ from what --save writes in one
# detail the loader used to let through. See lib.sh.
# SPDX-License-Identifier: BSL-1.0
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A valid XOR model (double) to copy and spoil.
fresh base
T xor --epochs 2 --print-every 0 --save m.json
model=$case_dir/m.json
check "the base model is saved" status_is 0

# spoil <file> <python statements on the parsed model m>: a copy of the base model, edited.
spoil() {
  python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(m, indent=2))
' "$model" "$1" "$2"
}

# A trainer that is killed after 20 s, so that a hang fails the check instead of blocking.
timed_trainer=$scratch/timed-ctnn-train
printf '#!/bin/sh\nexec timeout 20 "%s" "$@"\n' "$trainer" >"$timed_trainer"
chmod +x "$timed_trainer"

fresh deep_nesting
python3 -c "d = 100000; open('d.json', 'w').write('{\"format\":' + '[' * d + ']' * d + '}')"
T xor --load d.json
check "100000 nested arrays are refused, not a stack overflow" \
  refused '^ctnn-train: model file "d\.json" nests arrays and objects deeper than 32 levels' d.json

fresh dev_zero
T xor --load /dev/zero
check "/dev/zero is refused without reading it" \
  refused '^ctnn-train: model file "/dev/zero" is not a regular file \(a character device\)$'

fresh dev_urandom
T xor --load /dev/urandom
check "/dev/urandom is refused without reading it" \
  refused '^ctnn-train: model file "/dev/urandom" is not a regular file \(a character device\)$'

fresh huge
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >spaces.json
T xor --load spaces.json
check "2 MiB of spaces are refused by size" \
  refused '^ctnn-train: model file "spaces\.json" is larger than 1 MiB, the limit for model files$' spaces.json

fresh proc_mem
T xor --load /proc/self/mem
check "a read error (/proc/self/mem) is one line, not an abort" \
  refused '^ctnn-train: cannot read model file "/proc/self/mem": Input/output error$'

fresh fifo
mkfifo ff
trainer=$timed_trainer T xor --load ff
check "a FIFO is refused at once, not waited on" \
  refused '^ctnn-train: model file "ff" is not a regular file \(a FIFO\)$' ff

fresh directory
mkdir d
T xor --load d
check "a directory is refused" refused '^ctnn-train: model file "d" is not a regular file \(a directory\)$' d

fresh dangling_symlink
ln -s missing.json link.json
T xor --load link.json
check "a dangling symbolic link is refused" \
  refused '^ctnn-train: cannot read model file "link\.json": no such file \(a dangling symbolic link\)$' \
  link.json

fresh missing
T xor --load missing.json
check "a missing file is refused" refused '^ctnn-train: cannot read model file "missing\.json": no such file$'

fresh symlink_to_model
ln -s "$model" link.json
T xor --load link.json --print-every 0
check "a symbolic link to a good model loads" status_is 0

fresh unreadable
cp "$model" m.json
chmod 000 m.json
if [[ -r m.json ]]; then
  echo "ok - an unreadable file: skipped, this user (root?) reads it anyway"
else
  T xor --load m.json
  check "an unreadable file is refused" \
    refused '^ctnn-train: cannot read model file "m\.json": permission denied$' m.json
fi

fresh tanh_into_xor
spoil m.json 'm["layers"][0]["activation"] = "hyperbolic_tangent"'
T xor --load m.json
check "a layer whose activation differs from the topology's is refused" \
  refused '^ctnn-train: model file "m\.json" is wrong in layer 1: its "activation" is "hyperbolic_tangent", not "logistic"$' \
  m.json

fresh wrong_sources
spoil m.json 'm["layers"][1]["sources"] = [1, 0]'
T xor --load m.json
check "a layer with other sources is refused" \
  refused '^ctnn-train: model file "m\.json" is wrong in layer 2: its "sources" are \[1, 0\], not \[0, 1\]$' m.json

fresh wrong_from
spoil m.json 'm["layers"][1]["units"][0]["weights"][2]["from"] = "x_0"'
T xor --load m.json
check "a weight from another unit is refused" \
  refused '^ctnn-train: model file "m\.json" is wrong in layer 2, unit 0, weight 2: its "from" is "x_0", not "h"$' \
  m.json

fresh wrong_unit
spoil m.json 'm["layers"][0]["units"][0]["unit"] = "y"'
T xor --load m.json
check "a unit of another name is refused" \
  refused '^ctnn-train: model file "m\.json" is wrong in layer 1, unit 0: its "unit" is "y", not "h"$' m.json

fresh wrong_layer
spoil m.json 'm["layers"][1]["layer"] = 1'
T xor --load m.json
check "a layer of another index is refused" \
  refused '^ctnn-train: model file "m\.json" is wrong in layer 2: its "layer" is 1, not 2$' m.json

fresh duplicate_key
sed 's/^  "version": 1,$/  "version": 2, "version": 1,/' "$model" >m.json
T xor --load m.json
check "a duplicate key is refused, not last-wins" \
  refused '^ctnn-train: model file "m\.json" has the key "version" twice in one object$' m.json

fresh unknown_key
spoil m.json 'm["comment"] = "hand-edited"'
T xor --load m.json
check "an unknown key is refused" refused '^ctnn-train: model file "m\.json" has an unknown key "comment"$' m.json

fresh version_float
sed 's/^  "version": 1,$/  "version": 1.0,/' "$model" >m.json
T xor --load m.json
check "version 1.0 is refused: the version is the integer 1" \
  refused '^ctnn-train: model file "m\.json" has format version 1\.0; this program reads version 1$' m.json

fresh trailing_nul
cp "$model" m.json
printf '\0garbage' >>m.json
T xor --load m.json
check "a NUL and garbage after the document are refused" \
  refused '^ctnn-train: model file "m\.json" holds a NUL byte at offset [0-9]+; a model file is JSON text$' m.json

fresh trailing_garbage
cp "$model" m.json
echo '{}' >>m.json
T xor --load m.json
check "a second document after the first is refused" \
  refused '^ctnn-train: model file "m\.json" is not valid JSON \(parse error at line' m.json

fresh long_mantissa
spoil m.json '
w = m["layers"][0]["units"][0]["weights"][0]
w["exact"] = w["exact"].replace("p", "0001p")'
T xor --load m.json
check "an exact value with more digits than a double holds is refused" \
  refused '^ctnn-train: model file "m\.json" is wrong in layer 1, unit 0, weight 0: "-?0x1\.[0-9a-f]+0001p[-+][0-9]+" is not a double spelled exactly as this program writes it; the nearest double is "-?0x1\.[0-9a-f]+p[-+][0-9]+"$' \
  m.json

fresh negative_zero
spoil m.json '
w = m["layers"][0]["units"][0]["weights"][0]
w["value"] = 0.0
w["exact"] = "-0x0p+0"'
T xor --load m.json
check "a value of 0 with an exact -0 is refused" \
  refused '^ctnn-train: model file "m\.json" is wrong in layer 1, unit 0, weight 0: "value" 0\.0 disagrees with "exact" "-0x0p\+0"$' \
  m.json

fresh control_characters
spoil m.json 'm["task"] = "x\u0007\u00e9\u007f" + "y" * 200'
T xor --load m.json
check "text from the file is echoed as one short line of printable ASCII" \
  refused '^ctnn-train: model file "m\.json" holds a model for task "x\\x07\\xc3\\xa9\\x7fyyy[y]*\.\.\.", not "xor"$' m.json
check "and printable ASCII only" eval '! LC_ALL=C grep -q "[^ -~]" <<<"$err"'

finish
