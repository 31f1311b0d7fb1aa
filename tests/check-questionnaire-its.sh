#!/bin/sh
# The questionnaire's texts reach translators: xgettext, with Pilote's ITS rules, extracts
# every statement, level, title and advice of the data file (and no attribute or ID).
# Usage: check-questionnaire-its.sh SOURCE_ROOT
root=$1
out=$(mktemp) || exit 99
trap 'rm -f "$out"' EXIT
GETTEXTDATADIRS="$root/data" xgettext --from-code=UTF-8 -o "$out" "$root/data/questionnaire/pilote-questionnaire.xml" || exit 1
status=0
statements=$(grep -c '<statement>' "$root/data/questionnaire/pilote-questionnaire.xml")
for text in 'msgid "Leaders"' 'msgid "On track"' 'msgid "Linked indicators"' \
            'msgid "Our indicators are linked in a chain from activity to business results."'; do
  grep -qF "$text" "$out" || { echo "not extracted: $text"; status=1; }
done
if grep -qE 'msgid "q-|msgid "leaders"' "$out"; then
  echo "an ID was extracted for translation"
  status=1
fi
# Every statement, plus its three levels, is a message of its own (some levels repeat).
messages=$(grep -c '^msgid ' "$out")
[ "$messages" -gt "$statements" ] || { echo "only $messages messages for $statements statements"; status=1; }
exit $status
