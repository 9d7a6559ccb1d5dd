#!/bin/sh
# Installs this unpacked jcap system-wide: links the launcher, the man page and the shell
# completions into PREFIX (default /usr/local). Run as root from anywhere:
#   sudo /opt/jcap-VERSION/install.sh [PREFIX]
# Needs a Java 17+ runtime (java on the path, or JAVA_HOME) and libpcap (Debian:
# libpcap0.8) for live capture. Undo with: install.sh --uninstall [PREFIX]
set -eu
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
uninstall=0
if [ "${1:-}" = "--uninstall" ]; then
    uninstall=1
    shift
fi
prefix="${1:-/usr/local}"
link() {
    # link() TARGET LINK: a symbolic link, replacing an older one
    if [ "$uninstall" = 1 ]; then
        rm -f "$2"
    else
        mkdir -p "$(dirname "$2")"
        ln -sfn "$1" "$2"
    fi
}
link "$here/jcap" "$prefix/bin/jcap"
link "$here/man/jcap.1" "$prefix/share/man/man1/jcap.1"
link "$here/completion/jcap.bash" "$prefix/share/bash-completion/completions/jcap"
link "$here/completion/_jcap" "$prefix/share/zsh/site-functions/_jcap"
if [ "$uninstall" = 1 ]; then
    echo "jcap: removed from $prefix"
else
    echo "jcap: installed in $prefix/bin/jcap (man jcap; completions for bash and zsh)"
fi
