#!/bin/sh
# Dependencies between layers point one way only (DESIGN.md, "Layers"): a layer's sources
# include headers of the layers it may use and of no other. Fails naming each include that
# crosses the wrong way, such as the report reading a file through io.
cd "$1/src" || exit 2
patterns=$(mktemp)
trap 'rm -f "$patterns"' EXIT
status=0
# check LAYER FORBIDDEN-LAYER...
check () {
  layer=$1
  shift
  for other in "$@"; do
    (cd "$other" && ls *.h) | sed 's/.*/#include "&"/' > "$patterns"
    if grep -Hn -F -f "$patterns" "$layer"/*.c "$layer"/*.h | sed "s|\$|: src/$layer may not use src/$other|" | grep .; then
      status=1
    fi
  done
}
check core io charts report cli app
check io charts report cli app
check charts io report cli app
check report io cli app
check cli app
exit $status
