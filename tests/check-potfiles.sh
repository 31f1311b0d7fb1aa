#!/bin/sh
# Every source file with a string marked for translation must be in po/POTFILES.in, or
# gettext never sees its strings.
cd "$1" || exit 2
status=0
for f in $(grep -rlIE '\b_\(|N_\(|ngettext \(|translatable="yes"' src ui data 2>/dev/null | sort); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "$f has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in); do
  [ -f "$f" ] || { echo "po/POTFILES.in names $f, which does not exist"; status=1; }
done
exit $status
