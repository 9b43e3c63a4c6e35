# bash completion for qingdan — installed by `make install` as
# $(PREFIX)/share/bash-completion/completions/qingdan.
# The words come from the program itself (`qingdan __complete WORD…`, read
# from the same command table and usage lines as `qingdan help`), so this
# file never lists a command or an option and cannot fall behind.  A person
# (--owner, --lead, --person, --signer, --issuer, --by, --host …) is
# completed from `qingdan person list --format tsv` on the --db given.

_qingdan() {
	local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]} out w i
	local -a db=()
	COMPREPLY=()
	out=$("$prog" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
	if [ "$out" = "@person" ]; then
		for ((i = 1; i < COMP_CWORD - 1; i++)); do
			[ "${COMP_WORDS[i]}" = --db ] && db=(--db "${COMP_WORDS[i + 1]}")
		done
		out=$("$prog" "${db[@]}" person list --format tsv 2>/dev/null | sed 1d | cut -f2 | awk '!seen[$0]++')
	fi
	[ "$cur" = "=" ] && cur=      # --format=<Tab>: bash splits at the "="
	while IFS= read -r w; do
		[[ -n $w && $w == "$cur"* ]] && COMPREPLY+=("$w")
	done <<<"$out"
	return 0
}
complete -o default -F _qingdan qingdan
