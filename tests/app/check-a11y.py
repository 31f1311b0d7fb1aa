#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the running window's accessibility tree (AT-SPI) on every page and fails on an
interactive control a screen reader would announce without a name, and on a chart without its
title and text summary.

Run it as the meson test does, under a virtual display and a session bus of its own:
    xvfb-run -a dbus-run-session -- /usr/bin/python3 check-a11y.py PILOTE PLAN
(/usr/bin/python3 because pyatspi is a Debian package, not in a pyenv or venv python.)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

# The pages in their Alt+1..9 order, with their titles in the sidebar (the test runs in C).
PAGES = [('dashboard', 'Dashboard'), ('plan', 'Plan'), ('campaigns', 'Campaigns'), ('budget', 'Budget'),
         ('calendar', 'Calendar'), ('kpis', 'KPIs'), ('chain', 'KPI Chain'), ('assessment', 'Maturity'),
         ('planning', 'Planning')]

# The roles a user operates, so the ones a screen reader must be able to name.
INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LINK, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_SCROLL_BAR,
}
# Scroll bars are named by GTK itself on nothing but their orientation; leave them out.
INTERACTIVE.discard(pyatspi.ROLE_SCROLL_BAR)

# GTK 4 falls back to the widget's type name when a widget has no accessible name: that is
# what Orca would read, and it means nothing to a user.
TYPE_NAME = re.compile(r'^(Gtk|Pl)[A-Z]\w+$')

# A drawing bigger than this is a chart, not an icon.
CHART_MIN_WIDTH, CHART_MIN_HEIGHT = 120, 80


def unnamed(text):
    text = (text or '').strip()
    return text == '' or TYPE_NAME.match(text) is not None


def state_has(obj, state):
    try:
        return obj.getState().contains(state)
    except Exception:
        return False


def extents(obj):
    try:
        return obj.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except Exception:
        return None


def visible(obj):
    # GTK 4.8 sets VISIBLE but not SHOWING, and keeps a stack's hidden pages in the tree, so
    # the script walks one page's subtree at a time rather than trusting SHOWING.
    return state_has(obj, pyatspi.STATE_VISIBLE) or state_has(obj, pyatspi.STATE_SHOWING)


def walk(obj, path, out, depth=0):
    """Appends (path, object) for every visible object under obj."""
    if depth > 80:
        return
    try:
        count = obj.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = obj.getChildAtIndex(i)
        except Exception:
            continue
        if child is None or not visible(child):
            continue
        out.append((path, child))
        try:
            label = child.name or child.getRoleName()
        except Exception:
            label = '?'
        walk(child, path + [label], out, depth + 1)


def find_window(app, timeout=30):
    pid = app.pid
    deadline = time.time() + timeout
    # An app that could not start (no display) ends the wait at once.
    while time.time() < deadline and app.poll() is None:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            accessible = desktop.getChildAtIndex(i)
            try:
                if accessible is None or accessible.get_process_id() != pid:
                    continue
                for j in range(accessible.childCount):
                    window = accessible.getChildAtIndex(j)
                    if window is not None and 'Pilote' in (window.name or ''):
                        return window
            except Exception:
                continue
        time.sleep(0.3)
    return None


def find(root, test):
    out = []
    walk(root, [], out)
    return [obj for _path, obj in out if test(obj)]


def click(obj):
    """Clicks the middle of obj with the real pointer (there is no window manager: the window
    sits at the screen's origin, so desktop coordinates are screen coordinates)."""
    box = extents(obj)
    if box is None or box.width <= 0:
        return False
    subprocess.run(['xdotool', 'mousemove', '--sync', str(box.x + box.width // 2),
                    str(box.y + box.height // 2), 'click', '1'], timeout=10)
    time.sleep(1.0)
    return True


def offenders(root, page, trail):
    found = []
    out = []
    walk(root, trail, out)
    for path, obj in out:
        try:
            role = obj.getRole()
            name = obj.name
            description = obj.description
        except Exception:
            continue
        where = '%s %r in %s' % (obj.getRoleName(), name, ' > '.join(p for p in path[-4:]))
        if role in INTERACTIVE and unnamed(name):
            found.append((page, '%s has no name' % where))
        elif role in (pyatspi.ROLE_IMAGE, pyatspi.ROLE_CANVAS, pyatspi.ROLE_DRAWING_AREA,
                      pyatspi.ROLE_FILLER) and (name == 'GtkDrawingArea' or (role != pyatspi.ROLE_FILLER and name != 'GtkImage')):
            # A drawing: a chart unless it is a small mark (a status dot, a swatch).
            box = extents(obj)
            if box is None or box.width < CHART_MIN_WIDTH or box.height < CHART_MIN_HEIGHT:
                continue
            if unnamed(name):
                found.append((page, '%s: a chart with no title' % where))
            if unnamed(description):
                found.append((page, '%s: a chart with no text summary' % where))
    return found


def main():
    if len(sys.argv) != 3:
        print('usage: check-a11y.py PILOTE PLAN', file=sys.stderr)
        return 2
    program, plan = sys.argv[1:]
    # A copy, so that nothing the app writes can touch the example plan.
    tmp = tempfile.mkdtemp(prefix='pilote-a11y-')
    copy = os.path.join(tmp, 'plan.pilote')
    shutil.copyfile(plan, copy)
    # xvfb-run's server can still be starting (seen once in CI: "cannot open display"): wait
    # until it answers, and start the app again if it could not open it.
    for _ in range(50):
        if subprocess.run(['xdotool', 'getdisplaygeometry'], capture_output=True).returncode == 0:
            break
        time.sleep(0.2)
    app = subprocess.Popen([program, copy])
    time.sleep(2.0)
    if app.poll() is not None:
        app = subprocess.Popen([program, copy])
    failures = []
    try:
        window = find_window(app)
        if window is None:
            print('check-a11y: the window never appeared in the AT-SPI tree (the app %s)' %
                  ('exited with %d' % app.returncode if app.returncode is not None else 'is still running'),
                  file=sys.stderr)
            return 1
        # Keys go to the window that has the X input focus; there is no window manager.
        xid = subprocess.run(['xdotool', 'search', '--sync', '--pid', str(app.pid), '--name', 'Pilote'],
                             capture_output=True, text=True, timeout=30).stdout.split()
        time.sleep(1.0)
        # The header bar, once.
        for i in range(window.childCount):
            child = window.getChildAtIndex(i)
            if child is not None and not find(child, lambda o: o.getRole() == pyatspi.ROLE_LIST_ITEM):
                failures += offenders(child, 'header bar', [])
        for n, (page, title) in enumerate(PAGES, start=1):
            if xid:
                subprocess.run(['xdotool', 'windowfocus', '--sync', xid[-1]], timeout=10)
            subprocess.run(['xdotool', 'key', 'alt+%d' % n], timeout=10)
            time.sleep(1.5)
            panels = find(window, lambda o: o.getRole() == pyatspi.ROLE_PANEL and o.name == title
                          and o.parent is not None and o.parent.parent is not None
                          and o.parent.parent.getRole() == pyatspi.ROLE_PANEL and o.parent.childCount >= 8)
            if not panels:
                failures.append((page, 'the page is not in the accessibility tree'))
                continue
            found = offenders(panels[0], page, [title])
            # Each tab of the page's own switcher (Budget's Charts, the calendar's Month...).
            tabs = find(panels[0], lambda o: o.getRole() == pyatspi.ROLE_PAGE_TAB)
            for tab in tabs:
                if click(tab):
                    found += offenders(panels[0], '%s (%s)' % (page, tab.name), [title, tab.name])
            if tabs:
                click(tabs[0])
            print('check-a11y: %s: %d offenders (before removing repeats)' % (page, len(found)))
            failures += found
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    # The same control is met on several tabs: report it once, where it was first met.
    seen = set()
    for page, what in failures:
        if what not in seen:
            seen.add(what)
            print('%s: %s' % (page, what))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
