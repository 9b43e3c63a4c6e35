# tests/clusters.sh — text by grapheme cluster in the CLI table and the
# text print (issue 14.5): 👍🏻, 👨‍👩‍👧 and e + U+0301 are one character each
# (2, 2 and 1 columns), so a row holding them is padded like a row of
# Chinese of the same width, and no print line cuts one in two.
. "$(dirname "$0")/lib.sh"

THUMB=$(printf '\360\237\221\215\360\237\217\273')
FAMILY=$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247')
EACUTE=$(printf 'e\314\201')
# the spaces after a row's content (starting 王), before its owner
gap() { printf '%s\n' "$1" | grep "^$2 " | sed 's/^.*王[^ ]*\( *\)[^ ].*$/\1/' | awk '{ print length($0) }'; }

demo_db
run qd item set 1 --content "王${THUMB}芳${FAMILY}${EACUTE}"
check "an item with emoji sequences is saved" is "$RC" 0
run qd item set 3 --content "王好芳好e"
check "…and one of Chinese as wide (9 columns)" is "$RC" 0
run qd item list --org 党组
check "the list shows the clusters whole" has "$OUT" "王${THUMB}芳${FAMILY}${EACUTE}"
G1=$(gap "$OUT" 1)
G2=$(gap "$OUT" 3)
check "the emoji row is padded as the Chinese row of the same width" is "$G1" "$G2"
check "…with some padding at all" is "$((${G1:-0} > 0))" 1

run qd item set 4 --content "$(printf '%s' "$THUMB$THUMB$THUMB$THUMB$THUMB$THUMB$THUMB$THUMB$THUMB$THUMB$FAMILY$FAMILY$FAMILY$FAMILY$FAMILY$FAMILY$FAMILY$FAMILY")"
run qd print --org 党组 --format text --width 80
check "the print runs" is "$RC" 0
BASE_THUMB=$(printf '\360\237\221\215')
MAN=$(printf '\360\237\221\250')
N=$(printf '%s\n' "$OUT" | grep -o "$THUMB" | wc -l)
check "👍🏻 is printed" is "$((N >= 11))" 1
check "…every one whole: no 👍 without its skin tone" is "$(printf '%s\n' "$OUT" | grep -o "$BASE_THUMB" | wc -l)" "$N"
N=$(printf '%s\n' "$OUT" | grep -o "$FAMILY" | wc -l)
check "👨‍👩‍👧 is printed" is "$((N >= 9))" 1
check "…every one whole" is "$(printf '%s\n' "$OUT" | grep -o "$MAN" | wc -l)" "$N"
finish
