# Sourced by ./fashionrec and bench/run-jmh: "is this tool installed" and "rebuild a module's jar
# when any source changed". Callers set $root (the repository) and $prog (their name, for messages).

# need TOOL HINT: exit with HINT unless TOOL is on the PATH.
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "$prog: '$1' is not installed; $2" >&2
    exit 1
}

# stale JAR: true when JAR is missing or any source, resource or build file is newer.
stale() {
    [ -f "$1" ] || return 0
    [ -n "$(find "$root" \( -path "$root/.git" -o -name target \) -prune -o \
        \( -name '*.java' -o -name pom.xml -o -path '*/src/main/resources/*' \) -type f -newer "$1" -print -quit)" ]
}

# fresh JAR MODULE WHAT: when JAR is stale, package MODULE (and what it depends on) and touch JAR.
# Maven leaves a jar whose contents did not change as it was, so without the touch a changed file
# that never reaches the jar (a test, say) would make every later run build again.
fresh() {
    stale "$1" || return 0
    build "$2" "$3"
    touch "$1"
}

# build MODULE WHAT: package MODULE and what it depends on, quietly; on failure show Maven's output and exit.
build() {
    need mvn "install Apache Maven (Debian: apt-get install -y maven)"
    echo "$prog: building $2 ..." >&2
    local log
    log="$(mktemp)"
    if ! (cd "$root" && mvn -B -q -ntp -DskipTests -pl "$1" -am package) >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "$prog: the build failed (output above)" >&2
        exit 1
    fi
    rm -f "$log"
}
