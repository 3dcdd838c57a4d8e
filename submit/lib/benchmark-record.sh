# Records a benchmark result in BENCHMARKS.md at the top of the repository. Sourced by the
# submit/bench-* scripts; bash only.
#
#   bench_record NAME COMMAND TABLE_FILE
#
# replaces the section of BENCHMARKS.md between the lines "<!-- bench:NAME -->" and
# "<!-- /bench:NAME -->" (appending it, or creating the file, when missing) with: the date (UTC), the
# machine (CPU model, cores, Java, OS), the command as run, and TABLE_FILE, a Markdown table. Each
# script owns its sections, so a run rewrites its own results and leaves the others alone.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_file="$bench_root/BENCHMARKS.md"

# One line describing this machine: CPU model, cores seen by the JVM's host, Java version, OS.
bench_machine() {
  local cpu cores java os
  cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -1)
  cores=$(nproc 2>/dev/null || echo '?')
  java=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p' | head -1)
  os=$( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || uname -s)
  printf '%s, %s cores, Java %s, %s (kernel %s)' "${cpu:-unknown CPU}" "$cores" "${java:-unknown}" "$os" "$(uname -r)"
}

# The command line as typed from the repository root: the script's path relative to it, then its arguments.
bench_command() {
  local script=$1
  shift
  local line=${script#"$bench_root"/}
  local a
  for a in "$@"; do
    if [[ $a =~ ^[A-Za-z0-9_./=:,+@%-]+$ ]]; then
      line+=" $a"
    else
      line+=" '${a//\'/\'\\\'\'}'"
    fi
  done
  printf '%s' "$line"
}

bench_record() {
  local name=$1 command=$2 table=$3
  if [[ ! -s $table ]]; then
    echo "benchmark-record: no results to record for $name" >&2
    return 1
  fi
  local section
  section=$(mktemp)
  {
    echo "<!-- bench:$name -->"
    echo "### $name"
    echo
    echo "- date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
    echo "- machine: $(bench_machine)"
    echo "- command: \`$command\`"
    echo
    cat "$table"
    echo "<!-- /bench:$name -->"
  } >"$section"
  if [[ ! -f $bench_file ]]; then
    printf '# Benchmarks\n\nWritten by `submit/bench-jmh`, `submit/bench-cpu`, `submit/bench-measure` and\n`submit/bench-pipeline`: each run replaces its own section.\n' >"$bench_file"
  fi
  local out
  out=$(mktemp)
  if grep -qxF "<!-- bench:$name -->" "$bench_file"; then
    awk -v start="<!-- bench:$name -->" -v end="<!-- /bench:$name -->" -v repl="$section" '
      $0 == start { while ((getline line < repl) > 0) print line; skipping = 1; next }
      skipping && $0 == end { skipping = 0; next }
      !skipping { print }
    ' "$bench_file" >"$out"
  else
    { cat "$bench_file"; echo; cat "$section"; } >"$out"
  fi
  cat "$out" >"$bench_file"
  rm -f "$section" "$out"
  echo "recorded in BENCHMARKS.md, section $name"
}
