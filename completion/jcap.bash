# bash completion for jcap: options, interface names after -i, field names after -e and
# inside -Y/-R filters, saved capture filters after -f predef:, formats and file names.
# Install: copy to /usr/share/bash-completion/completions/jcap (or source it from ~/.bashrc).

_jcap_fields() {
    # protocol and field names from jcap's own registry, cached for the shell session
    if [ -z "${_jcap_field_cache:-}" ]; then
        _jcap_field_cache=$(jcap -G fields 2>/dev/null | awk -F'\t' '$1 == "P" || $1 == "F" { print $3 }')
    fi
    printf '%s\n' "$_jcap_field_cache"
}

_jcap_saved_names() {
    # names of saved filters ($1: cfilters or dfilters), shipped and the user's
    local home dir file
    home=$(dirname "$(readlink -f "$(command -v jcap)")")
    for dir in "$home/filters" "${XDG_CONFIG_HOME:-$HOME/.config}/jcap"; do
        file="$dir/$1"
        [ -f "$file" ] && sed -n 's/^"\(\([^"\\]\|\\.\)*\)".*/\1/p' "$file"
    done
}

_jcap() {
    local cur prev words cword
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    local opts="-2 -a -B -b -c -C -D -d -E -e -F -f -G -h -I -i -J -j -l -n -N -O -o -P -p -q -R -r -S -s -T -t
        -u -V -v -W -w -X -x -XX -Y --autostop --buffer-size --display-filter --explain-filter --help
        --interface --list-interfaces --monitor-mode --no-duplicate-keys --no-promiscuous-mode --print
        --read-file --read-filter --ring-buffer --snapshot-length --time-stamp-precision --version"
    case "$prev" in
        -i|--interface)
            local names
            names=$(jcap -D 2>/dev/null | sed -E 's/^[0-9]+\. ([^ ]+).*/\1/')
            mapfile -t COMPREPLY < <(compgen -W "$names" -- "$cur")
            return ;;
        -e)
            mapfile -t COMPREPLY < <(compgen -W "$(_jcap_fields)" -- "$cur")
            return ;;
        -Y|-R|--display-filter|--read-filter|--explain-filter)
            # complete the word being typed inside the filter: after a space, '(' or '!'
            local head="${cur%[ (!]*}" word
            if [ "$head" = "$cur" ]; then
                head=""
                word="$cur"
            else
                word="${cur:${#head}+1}"
                head="${cur:0:${#head}+1}"
            fi
            local quote=""
            case "$head$word" in \'*|\"*) quote="${cur:0:1}" ;; esac
            [ -z "$head" ] && word="${word#$quote}"
            [ -z "$head" ] && head="$quote"
            mapfile -t COMPREPLY < <(compgen -W "$(_jcap_fields)" -- "$word")
            # (a loop: bash 5.2 reads '&' in a ${var/#/...} replacement as the match)
            local i
            for i in "${!COMPREPLY[@]}"; do
                COMPREPLY[i]="$head${COMPREPLY[i]}"
            done
            compopt -o nospace 2>/dev/null
            return ;;
        -f)
            if [[ "$cur" == predef:* ]]; then
                # names hold spaces and quotes, which compgen -W would parse: match them by hand
                local name
                COMPREPLY=()
                while IFS= read -r name; do
                    [[ "$name" == "${cur#predef:}"* ]] && COMPREPLY+=("predef:$name")
                done < <(_jcap_saved_names cfilters)
            fi
            return ;;
        -T)
            mapfile -t COMPREPLY < <(compgen -W "ek fields json jsonraw pdml ps psml tabs text" -- "$cur")
            return ;;
        -F)
            mapfile -t COMPREPLY < <(compgen -W "pcap nsecpcap pcapng" -- "$cur")
            return ;;
        -t)
            mapfile -t COMPREPLY < <(compgen -W "a ad adoy d dd e r u ud udoy" -- "$cur")
            return ;;
        -G)
            mapfile -t COMPREPLY < <(compgen -W "fields protocols" -- "$cur")
            return ;;
        -a|--autostop)
            mapfile -t COMPREPLY < <(compgen -W "duration: filesize: files: packets:" -- "$cur")
            compopt -o nospace 2>/dev/null
            return ;;
        -b|--ring-buffer)
            mapfile -t COMPREPLY < <(compgen -W "duration: filesize: files: packets: interval: printname: nametimenum:" -- "$cur")
            compopt -o nospace 2>/dev/null
            return ;;
        -r|--read-file|-w)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
    fi
}
complete -F _jcap jcap
