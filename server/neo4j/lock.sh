#!/usr/bin/env bash
# Regenerates classpath.lock (the embedded Neo4j runtime classpath) from pom.xml.
# Only needed when changing the Neo4j version: edit <neo4j.version> in pom.xml, run
#   server/neo4j/lock.sh
# and commit pom.xml + classpath.lock. Requires Maven 3.6+ and a JDK; users never need Maven,
# since server/scripts/neo4j.ts downloads exactly the jars listed in the lock.
# Lock line format: groupId:artifactId:version[:classifier]  sha1
set -euo pipefail
cd "$(dirname "$0")"

list=$(mktemp)
trap 'rm -f "$list" classpath.lock.tmp' EXIT

# Pinned plugin version: the default one bound by older Mavens (2.8) prints a different format.
mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list \
  -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true -DoutputFile="$list"

sha1() { if command -v sha1sum >/dev/null; then sha1sum "$1"; else shasum -a 1 "$1"; fi | cut -d' ' -f1; }

# Lines look like: "   g:a:jar[:classifier]:version:scope:/abs/path.jar -- module x [auto]"
grep -E '^\s+[^ ]+:jar:' "$list" | sed -E 's/^\s+//; s/ -- module.*$//' | while IFS=: read -r g a type rest; do
  IFS=: read -r -a f <<<"$rest"
  if [ "${#f[@]}" -eq 4 ]; then classifier=${f[0]}; version=${f[1]}; path=${f[3]}
  else classifier=""; version=${f[0]}; path=${f[2]}; fi
  actual=$(sha1 "$path")
  # Maven only warns on checksum mismatch by default; refuse to lock a jar that disagrees with its repository .sha1.
  if [ -f "$path.sha1" ] && [ "$(cut -c1-40 "$path.sha1")" != "$actual" ]; then
    echo "checksum mismatch for $path" >&2; exit 1
  fi
  echo "$g:$a:$version${classifier:+:$classifier}  $actual"
done | LC_ALL=C sort > classpath.lock.tmp

mv classpath.lock.tmp classpath.lock
echo "wrote $(wc -l < classpath.lock) jars to $(pwd)/classpath.lock"
