#!/bin/sh
# The plan templates' texts reach translators: xgettext, with Pilote's ITS rules, extracts each
# model's name and description, its category and KPI names and review titles, and no ID,
# formula or attribute.
# Usage: check-template-its.sh SOURCE_ROOT
root=$1
out=$(mktemp) || exit 99
trap 'rm -f "$out"' EXIT
GETTEXTDATADIRS="$root/data" xgettext --from-code=UTF-8 -o "$out" "$root"/data/templates/*.xml || exit 1
status=0
for text in 'msgid "E-commerce"' 'msgid "Average basket"' 'msgid "Paid search and shopping ads"' \
            'msgid "Weekly pipeline review with sales"' 'msgid "Cost per lead"'; do
  grep -qF "$text" "$out" || { echo "not extracted: $text"; status=1; }
done
if grep -qE 'msgid "(kpi-|cat-|ent-|b2b-saas|monthly|currency)' "$out"; then
  echo "an ID or an attribute was extracted for translation"
  status=1
fi
exit $status
