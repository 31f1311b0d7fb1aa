#!/bin/sh
# Builds a MIME database from the MIME type file alone (update-mime-database accepts almost
# anything without a word), checks that the glob, the root element, the parent type and the
# magic reached it, then asks GIO what a plan is, by its name and by its content alone.
# Usage: check-mime.sh MIME_XML EXAMPLE_PLAN
mime_xml=$1
example=$2
type=application/x-pilote-plan
status=0

dir=$(mktemp -d) || exit 99
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/mime/packages"
cp "$mime_xml" "$dir/mime/packages/" || exit 99
# Silence the note that the folder is not in XDG_DATA_DIRS (it is, for GIO below).
update-mime-database "$dir/mime" >/dev/null 2>&1 || { echo "update-mime-database failed"; exit 1; }

expect() {
  if ! grep -qxF "$2" "$dir/mime/$1"; then
    echo "mime/$1 lacks the line: $2"
    status=1
  fi
}
expect types "$type"
expect globs2 "50:$type:*.pilote"
expect subclasses "$type application/xml"
expect XMLnamespaces "https://pilote.github.io/ns/plan plan $type"
expect generic-icons "$type:x-office-document"
grep -q "$type" "$dir/mime/magic" || { echo "mime/magic lacks $type"; status=1; }

if command -v gio >/dev/null 2>&1 && [ -n "$example" ]; then
  cp "$example" "$dir/plan.pilote" && cp "$example" "$dir/plan-without-extension" || exit 99
  for f in plan.pilote plan-without-extension; do
    got=$(XDG_DATA_HOME="$dir" XDG_DATA_DIRS="$dir" gio info -a standard::content-type "$dir/$f" |
          sed -n 's/^ *standard::content-type: //p')
    if [ "$got" != "$type" ]; then
      echo "GIO takes $f for '$got', not $type"
      status=1
    fi
  done
fi
exit $status
