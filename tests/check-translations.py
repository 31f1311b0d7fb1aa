#!/usr/bin/env python3
# Every user-visible string is marked for translation and translated in every language of
# po/LINGUAS: the strings are extracted again from the sources (as `ninja pilote-pot` does),
# merged into each catalogue, and none may be left untranslated or fuzzy. A user-visible
# string that is not marked at all is looked for where one is usual: the properties of the
# UI templates and the GTK calls that show text.
# Usage: check-translations.py SOURCE_ROOT
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
failures = []

# The same keywords as meson's "glib" preset.
KEYWORDS = ['--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
            '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
            '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
            '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
            '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
            '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format']


def run(args, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        sys.exit('%s failed:\n%s' % (args[0], done.stderr))
    return done


with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'pilote.pot')
    env = dict(os.environ, GETTEXTDATADIRS=os.path.join(root, 'data'))
    run(['xgettext', '--from-code=UTF-8', '--add-comments', '--package-name=pilote',
         '--files-from=po/POTFILES.in', '-o', pot] + KEYWORDS, env=env, cwd=root)
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]
    if not languages:
        failures.append('po/LINGUAS names no language')
    for language in languages:
        merged = os.path.join(tmp, language + '.po')
        run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged,
             os.path.join(root, 'po', language + '.po'), pot])
        run(['msgfmt', '--check', '-o', os.devnull, merged])
        for kind in ('--untranslated', '--only-fuzzy'):
            out = run(['msgattrib', kind, '--no-obsolete', '--no-wrap', merged]).stdout
            for msgid in re.findall(r'^msgid "(.+)"$', out, re.M):
                failures.append('%s: %s message: "%s"' % (language, kind.strip('-'), msgid))

# Text shown by the templates must say translatable="yes".
SHOWN = re.compile(r'<(property|attribute) name="(label|title|tooltip-text|placeholder-text|text|'
                   r'subtitle|description|secondary-text|accessible-label)"([^>]*)>([^<]*)<')
for folder, _, files in os.walk(os.path.join(root, 'ui')):
    for name in files:
        if not name.endswith('.ui'):
            continue
        path = os.path.join(folder, name)
        with open(path, encoding='utf-8') as f:
            for number, line in enumerate(f, 1):
                for m in SHOWN.finditer(line):
                    if re.search('[A-Za-z]{2}', m.group(4)) and 'translatable="yes"' not in m.group(3):
                        failures.append('%s:%d: "%s" is not translatable' % (os.path.relpath(path, root), number, m.group(4)))

# GTK calls that put their string argument on screen, and errors the user reads.
CALLS = re.compile(r'\b(gtk_label_new|gtk_label_set_text|gtk_label_set_markup|gtk_button_new_with_label|'
                   r'gtk_button_set_label|gtk_window_set_title|gtk_widget_set_tooltip_text|'
                   r'gtk_check_button_new_with_label|gtk_check_button_set_label|'
                   r'gtk_entry_set_placeholder_text|gtk_message_dialog_new|g_set_error_literal|'
                   r'g_set_error|g_error_new|g_error_new_literal)\s*\(([^;"]*?)"([^"]*[A-Za-z]{3}[^"]*)"', re.S)
for layer in ('app', 'charts', 'report', 'cli', 'core', 'io'):
    for folder, _, files in os.walk(os.path.join(root, 'src', layer)):
        for name in files:
            if not name.endswith('.c'):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            for m in CALLS.finditer(text):
                before = m.group(2)
                # Only a literal passed to the call itself, not to a call inside it.
                if before.count('(') > before.count(')'):
                    continue
                # A literal inside _(), N_(), ngettext... is marked.
                if re.search(r'(\b_|N_|C_|ngettext|g_dngettext)\s*\($', before.rstrip()) or before.rstrip().endswith('_ ('):
                    continue
                number = text.count('\n', 0, m.start(3)) + 1
                failures.append('%s:%d: "%s" is shown but not marked for translation'
                                % (os.path.relpath(path, root), number, m.group(3)))

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
