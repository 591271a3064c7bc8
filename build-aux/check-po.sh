#!/bin/bash
# check-po.sh PO... — fails unless every catalog is valid and complete: no
# fuzzy and no untranslated message.
set -u
status=0
for po in "$@"; do
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || status=1
  echo "$(basename "$po"): $stats"
  if echo "$stats" | grep -Eq 'fuzzy|untranslated'; then
    status=1
  fi
done
exit $status
