#!/usr/bin/env python3
"""Validate loaders/data/gazetteer.json (structure and cross-references).

Usage: python3 check_gazetteer.py [path/to/gazetteer.json]

Errors (exit status 1): bad JSON/UTF-8, unknown or missing keys, malformed ids,
duplicate ids within a section, dangling place/organization references, bad
dates, from > to, unknown role/type/format values, repeated aliases, issues
with fewer than 3 or more than 15 cues, two different people holding the same
single-holder office on overlapping dates.
Warnings (printed, exit status unaffected): the same alias used by several
leaders, or by several places of the same type; several summits with the same
fixed venue.

Names, aliases and demonyms are matched case-sensitively by etkg, so two
spellings that differ only in case are both kept; issue cues match in any
case, so those must differ by more than case.
Prints the number of entries per section.
"""
import calendar
import collections
import datetime
import json
import os
import re
import sys

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

SECTIONS = ["leaders", "places", "institutions", "summits", "organizations", "issues"]
ROLES = {
    "president", "vice-president", "prime-minister", "chancellor", "king", "queen", "emir",
    "crown-prince", "supreme-leader", "general-secretary", "chairman", "foreign-minister",
    "secretary-of-state", "defense-minister", "national-security-adviser", "envoy",
    "secretary-general", "president-of-the-european-commission",
    "president-of-the-european-council", "high-representative",
}
# Offices that several people may legitimately hold at the same time.
MULTI_HOLDER_ROLES = {"envoy"}
# Known, deliberate overlaps of rival claimants: (role, scope, id, id).
ALLOWED_OVERLAPS = {
    ("president", "venezuela", "juan-guaido", "nicolas-maduro"),
    ("chairman", "libya", "muammar-gaddafi", "mustafa-abdul-jalil"),
}
PLACE_TYPES = {"country", "city", "region", "sea"}
SUMMIT_FORMATS = {"multilateral", "bilateral", "talks"}

LEADER_KEYS = ({"id", "name", "aliases", "roles"}, set())
ROLE_KEYS = ({"role", "country", "from", "to"}, {"organization"})
PLACE_KEYS = {
    "country": ({"id", "name", "type", "aliases", "demonyms"}, {"capital"}),
    "city": ({"id", "name", "type", "country"}, {"aliases"}),
    "region": ({"id", "name", "type"}, {"country", "aliases"}),
    "sea": ({"id", "name", "type"}, {"aliases"}),
}
INSTITUTION_KEYS = ({"name", "country"}, set())
SUMMIT_KEYS = ({"id", "name", "aliases", "format"}, {"place"})
ORG_KEYS = ({"id", "name", "aliases"}, set())
ISSUE_KEYS = ({"id", "name", "cues", "places"}, set())

FAR_FUTURE = datetime.date(9999, 12, 31)

errors = []
warnings = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def warn(msg):
    warnings.append(msg)


def check_keys(where, obj, spec):
    required, optional = spec
    if not isinstance(obj, dict):
        err(where, "entry is not an object")
        return False
    keys = set(obj)
    for k in sorted(required - keys):
        err(where, "missing key %r" % k)
    for k in sorted(keys - required - optional):
        err(where, "unknown key %r" % k)
    return required <= keys


def is_text(v):
    return isinstance(v, str) and v.strip() == v and v != ""


def check_text(where, obj, key):
    if not is_text(obj.get(key)):
        err(where, "%r must be a non-empty string without outer spaces" % key)
        return False
    return True


def check_string_list(where, obj, key, name=None, min_len=0, max_len=None, fold_case=False):
    val = obj.get(key)
    if not isinstance(val, list):
        err(where, "%r must be a list" % key)
        return []
    seen = set()
    for s in val:
        if not is_text(s):
            err(where, "%r contains an empty or non-string value %r" % (key, s))
            continue
        low = s.lower() if fold_case else s
        if low in seen:
            err(where, "%r repeats %r" % (key, s))
        seen.add(low)
        if name is not None and s == name:
            err(where, "%r repeats the name %r" % (key, s))
    if len(val) < min_len or (max_len is not None and len(val) > max_len):
        err(where, "%r has %d entries, expected %d..%s" % (key, len(val), min_len, max_len))
    return [s for s in val if is_text(s)]


def parse_date(where, value):
    """Return (earliest, latest) day covered by a YYYY, YYYY-MM or YYYY-MM-DD date."""
    if not isinstance(value, str):
        err(where, "date %r is not a string" % (value,))
        return None
    m = DATE_RE.match(value)
    if not m:
        err(where, "date %r is not YYYY, YYYY-MM or YYYY-MM-DD" % value)
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        y = int(y)
        if mo is None:
            return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
        mo = int(mo)
        if d is None:
            last = calendar.monthrange(y, mo)[1]
            return datetime.date(y, mo, 1), datetime.date(y, mo, last)
        day = datetime.date(y, mo, int(d))
        return day, day
    except ValueError:
        err(where, "date %r is not a valid calendar date" % value)
        return None


def check_id(where, obj, seen):
    i = obj.get("id")
    if not isinstance(i, str) or not ID_RE.match(i):
        err(where, "id %r is not a lowercase ASCII slug" % (i,))
        return None
    if i in seen:
        err(where, "duplicate id %r" % i)
    seen.add(i)
    return i


def main(path):
    try:
        raw = open(path, "rb").read()
    except OSError as e:
        print("cannot read %s: %s" % (path, e))
        return 1
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print("%s is not valid UTF-8: %s" % (path, e))
        return 1
    if text.startswith("\ufeff"):
        err("file", "starts with a byte order mark")
    try:
        doc = json.loads(text, object_pairs_hook=reject_duplicate_keys)
    except ValueError as e:
        print("%s is not valid JSON: %s" % (path, e))
        return 1
    for n, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        if "\t" in line[:indent + 1] or indent % 2:
            err("line %d" % n, "indentation is not a multiple of 2 spaces")
    if not isinstance(doc, dict):
        print("top level is not an object")
        return 1
    if list(doc) != SECTIONS:
        err("top level", "keys must be exactly %s in this order, got %s" % (SECTIONS, list(doc)))
    for s in SECTIONS:
        if not isinstance(doc.get(s), list):
            err("top level", "%r must be a list" % s)
            doc[s] = []

    # ---- organizations (referenced by roles and institutions) ----
    org_ids = set()
    for n, o in enumerate(doc["organizations"]):
        where = "organizations[%d]" % n
        if not check_keys(where, o, ORG_KEYS):
            continue
        where = "organization %s" % o.get("id")
        check_id(where, o, org_ids)
        check_text(where, o, "name")
        check_string_list(where, o, "aliases", o.get("name"))

    # ---- places ----
    place_ids = set()
    places = {}
    for n, p in enumerate(doc["places"]):
        where = "places[%d]" % n
        t = p.get("type") if isinstance(p, dict) else None
        if t not in PLACE_TYPES:
            err(where, "type %r is not one of %s" % (t, sorted(PLACE_TYPES)))
            continue
        if not check_keys(where, p, PLACE_KEYS[t]):
            continue
        where = "place %s" % p.get("id")
        pid = check_id(where, p, place_ids)
        check_text(where, p, "name")
        if "aliases" in p:
            check_string_list(where, p, "aliases", p.get("name"))
        if t == "country":
            check_string_list(where, p, "demonyms")
        if pid:
            places[pid] = p

    def ref_place(where, pid, want_type=None, nullable=False):
        if pid is None and nullable:
            return None
        if not isinstance(pid, str) or pid not in places:
            err(where, "unknown place id %r" % (pid,))
            return None
        p = places[pid]
        if want_type and p["type"] != want_type:
            err(where, "place %r has type %r, expected %r" % (pid, p["type"], want_type))
        return p

    for pid, p in places.items():
        where = "place %s" % pid
        t = p["type"]
        if t == "country" and "capital" in p:
            cap = ref_place(where + " capital", p["capital"], "city")
            if cap and cap.get("country") != pid:
                err(where, "capital %r belongs to %r" % (p["capital"], cap.get("country")))
        elif t == "city":
            ref_place(where, p["country"], "country")
        elif t == "region" and "country" in p:
            ref_place(where, p["country"], "country")

    # ---- leaders ----
    leader_ids = set()
    offices = collections.defaultdict(list)
    role_count = 0
    for n, l in enumerate(doc["leaders"]):
        where = "leaders[%d]" % n
        if not check_keys(where, l, LEADER_KEYS):
            continue
        where = "leader %s" % l.get("id")
        lid = check_id(where, l, leader_ids)
        check_text(where, l, "name")
        check_string_list(where, l, "aliases", l.get("name"))
        roles = l.get("roles")
        if not isinstance(roles, list) or not roles:
            err(where, "'roles' must be a non-empty list")
            continue
        for k, r in enumerate(roles):
            rwhere = "%s role %d" % (where, k)
            if not check_keys(rwhere, r, ROLE_KEYS):
                continue
            role_count += 1
            if r["role"] not in ROLES:
                err(rwhere, "unknown role %r" % (r["role"],))
            if r["country"] is None:
                org = r.get("organization")
                if org not in org_ids:
                    err(rwhere, "country is null but organization %r is not a known organization id" % (org,))
                scope = "org:%s" % org
            else:
                if "organization" in r:
                    err(rwhere, "'organization' is only allowed with \"country\": null")
                ref_place(rwhere, r["country"], "country")
                scope = r["country"]
            span_from = parse_date(rwhere + " from", r["from"])
            if r["to"] is None:
                span_to = (FAR_FUTURE, FAR_FUTURE)
            else:
                span_to = parse_date(rwhere + " to", r["to"])
            if span_from and span_to:
                if span_from[0] > span_to[1]:
                    err(rwhere, "from %s is after to %s" % (r["from"], r["to"]))
                if r["role"] not in MULTI_HOLDER_ROLES and lid:
                    # the shortest span the entry certainly covers
                    offices[(r["role"], scope)].append((span_from[1], span_to[0], lid, r["from"], r["to"]))

    used_overlaps = set()
    for (role, scope), spans in sorted(offices.items()):
        spans.sort()
        for i in range(len(spans)):
            for j in range(i + 1, len(spans)):
                a, b = spans[i], spans[j]
                if b[0] >= a[1]:
                    break
                if a[2] == b[2]:
                    continue
                key = (role, scope) + tuple(sorted((a[2], b[2])))
                if key in ALLOWED_OVERLAPS:
                    used_overlaps.add(key)
                    continue
                err("office %s/%s" % (role, scope), "%s (%s..%s) overlaps %s (%s..%s)"
                    % (a[2], a[3], a[4], b[2], b[3], b[4]))

    for key in sorted(ALLOWED_OVERLAPS - used_overlaps):
        warn("allowed overlap %s is not present in the data" % (key,))

    # ---- institutions ----
    for n, ins in enumerate(doc["institutions"]):
        where = "institutions[%d]" % n
        if not check_keys(where, ins, INSTITUTION_KEYS):
            continue
        where = "institution %r" % ins.get("name")
        check_text(where, ins, "name")
        ref_place(where, ins["country"], "country")
    names = collections.Counter(i.get("name") for i in doc["institutions"] if isinstance(i, dict))
    for name, c in names.items():
        if c > 1:
            err("institutions", "name %r listed %d times" % (name, c))

    # ---- summits ----
    summit_ids = set()
    venues = collections.defaultdict(list)
    for n, s in enumerate(doc["summits"]):
        where = "summits[%d]" % n
        if not check_keys(where, s, SUMMIT_KEYS):
            continue
        where = "summit %s" % s.get("id")
        check_id(where, s, summit_ids)
        check_text(where, s, "name")
        check_string_list(where, s, "aliases", s.get("name"))
        if s["format"] not in SUMMIT_FORMATS:
            err(where, "format %r is not one of %s" % (s["format"], sorted(SUMMIT_FORMATS)))
        if "place" in s:
            ref_place(where, s["place"], "city")
            venues[s["place"]].append(s.get("id"))

    # ---- issues ----
    issue_ids = set()
    for n, it in enumerate(doc["issues"]):
        where = "issues[%d]" % n
        if not check_keys(where, it, ISSUE_KEYS):
            continue
        where = "issue %s" % it.get("id")
        check_id(where, it, issue_ids)
        check_text(where, it, "name")
        check_string_list(where, it, "cues", min_len=3, max_len=15, fold_case=True)
        if not isinstance(it["places"], list):
            err(where, "'places' must be a list")
        else:
            if len(set(it["places"])) != len(it["places"]):
                err(where, "'places' has duplicates")
            for pid in it["places"]:
                ref_place(where, pid)

    # ---- ambiguity report (warnings only) ----
    by_alias = collections.defaultdict(set)
    for l in doc["leaders"]:
        if isinstance(l, dict) and isinstance(l.get("aliases"), list):
            for a in [l.get("name")] + l["aliases"]:
                if isinstance(a, str):
                    by_alias[a.lower()].add(l.get("id"))
    for a, ids in sorted(by_alias.items()):
        if len(ids) > 1:
            warn("leader alias %r is shared by %s" % (a, ", ".join(sorted(ids))))
    by_alias = collections.defaultdict(set)
    for p in places.values():
        for a in [p["name"]] + list(p.get("aliases", [])):
            if isinstance(a, str):
                by_alias[(p["type"], a.lower())].add(p["id"])
    for (t, a), ids in sorted(by_alias.items()):
        if len(ids) > 1:
            warn("%s alias %r is shared by %s" % (t, a, ", ".join(sorted(ids))))

    for pid, ids in sorted(venues.items()):
        if len(ids) > 1:
            warn("summits %s share the fixed venue %r" % (", ".join(ids), pid))

    for w in warnings:
        print("warning: " + w)
    for e in errors:
        print("error: " + e)

    types = collections.Counter(p["type"] for p in places.values())
    print("leaders: %d (roles: %d)" % (len(doc["leaders"]), role_count))
    print("places: %d (%s)" % (len(doc["places"]), ", ".join("%s %d" % (t, types[t]) for t in sorted(types))))
    for s in SECTIONS[2:]:
        print("%s: %d" % (s, len(doc[s])))
    print("%d errors, %d warnings" % (len(errors), len(warnings)))
    return 1 if errors else 0


def reject_duplicate_keys(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise ValueError("duplicate key %r" % k)
        obj[k] = v
    return obj


if __name__ == "__main__":
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteer.json")
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else default))
