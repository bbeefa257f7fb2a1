#!/usr/bin/env python3
"""Regenerate data/skills-lexicon.tsv, the built-in skills lexicon.

    python3 scripts/skills-lexicon.py [--corpus ../shared/corpus] [--out data/skills-lexicon.tsv]

Stdlib only. The output is committed, so building claimscan never needs
the taxonomies; rerun this script when data/skills.tsv or a taxonomy
changes, and review the diff.

Sources, in the order they claim surface forms (a form already taken by an
earlier entry is dropped from later ones):

1. data/skills.tsv: our curated names (current AI tools, languages,
   platforms, creative and data work). Its names, casing and flags win.
   A curated entry gets the ESCO concept URI (else the O*NET commodity
   code) of the taxonomy entry one of its forms names, and that concept's
   usable labels as extra aliases.
2. ESCO v1.2.0 skill collections (corpus/esco/*Collection_en.csv:
   digital, transversal, digComp, research, green): preferred and
   alternative labels with the concept URI. The language collection is
   left out: in earnings coverage "English", "French" and "Chinese" are
   nearly always adjectives, not language skills.
3. ESCO v1.1.0 preferred labels that the collections lack
   (corpus/skill-extraction-benchmark/skills_en_label.txt). That file has
   no URIs, so these entries have no id (unit null).
4. O*NET 29.2 Technology Skills (corpus/onet/Technology Skills.txt):
   product names (the Example column) with their commodity code, and the
   135 commodity titles ("spreadsheet software").

The filter, for taxonomy labels (curated forms are kept as written):

- Parenthetical qualifiers are cut: "Python (computer programming)" is
  written "Python".
- Task statements are dropped: ESCO skill/competence labels lead with a
  verb ("manage musical staff", "apply anti-oppressive practices") and
  never appear verbatim in running text. A label is verb-led when its
  first word starts two or more ESCO skill/competence preferred labels of
  several words, or is in LEAD_VERBS below (verbs that lead the v1.1
  labels, which carry no type). "design" and "model" lead task statements
  but also knowledge labels ("design thinking"); KNOWLEDGE_LEADS keeps
  those.
- Descriptive labels are dropped: more than four words or 40 characters,
  commas or semicolons, and labels that open with "types of",
  "principles of", "characteristics of" and the like (DESCRIPTIVE).
- STOP_FORMS: ordinary words we never report as skills, whatever the
  context ("communication", "plan", "English").
- The canonical name (the mention's value) is the preferred label after
  the cut when it survives the filter, else the shortest surviving
  alternative label. O*NET products are named without their vendor when
  the short name is distinctive ("Adobe Photoshop" -> "Photoshop" is an
  alias; "Microsoft Word" keeps its vendor, since "Word" is a word).

Common words need context. A generated form is marked "needs context"
(written `~form` in the output) when it occurs in lower case in ordinary
sentences at a high rate: at least COMMON_PER_MILLION times per million
words of the Financial PhraseBank sentences and the Reuters-21578 story
bodies (stories listed in corpus/RESERVED.txt skipped), or of the
prepared remarks of the ECTSum training transcripts (RESERVED ones
skipped): the earnings text claimscan reads, where "renewable energy",
"business model" and "nutrition" are topics, not skills. Lower case is
the point: "design", "communications", "mobile", "marketing", "sales"
are used as ordinary words there, while names ("Python", "SAP") are
capitalised. Outside ESCO's digital and DigComp collections (and for
every v1.1 label, which carries no collection), an ESCO label is a field
of knowledge ("animal nutrition", "solar energy", "pathology") that
earnings text names as a business topic, so it too needs a cue. One-word
O*NET product names ("Google", "TikTok") need a
cue too: in earnings text they are mostly the company. Such forms count as skills only with a skill cue nearby or
a rule in data/skill-cues.tsv.

Licences: ESCO is published by the European Commission, reusable with
attribution under Commission Decision 2011/833/EU ("This service uses the
ESCO classification of the European Commission"); O*NET 29.2 is CC BY
4.0 (O*NET Resource Center, onetcenter.org). The output header repeats
the attribution.
"""

import argparse
import collections
import csv
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

COMMON_PER_MILLION = 2.0
MAX_WORDS = 4
MAX_CHARS = 40

# Verbs that lead ESCO v1.1 task statements; the collections give most
# of them with their type, these were read off the v1.1 list's most
# frequent first words.
LEAD_VERBS = set(
    """check clean sell liaise manufacture diagnose drive take arrange
    review position consult place feed help manipulate undertake breed
    document present deal direct load prescribe attach detect recommend
    give transport schedule finish match order issue wash decide secure
    grade fill purchase weigh screen counsel facilitate pack obtain
    adhere polish mark insert represent construct preserve regulate
    encourage calibrate coach shape anticipate trade receive consider
    complete cooperate distinguish fit sew discuss find change cook dry
    label register interview connect paint influence act update harvest
    pour advocate compose supply allocate clear advertise heat revise
    keep work handle make show guide respond accept adapt adjust assist
    build care communicate control deliver draw estimate examine explain
    follow gather inform instruct keep lead maintain measure negotiate
    observe organise participate prepare process produce record remove
    repair report research select serve solve supervise support teach
    train treat verify lay taste unload cure sand bend brush commission
    rescue welcome guide practise empathise trace pump furnish migrate
    write understand measure test run be have ensure engineer tutor procure
    transplant labor labour""".split()
)
KNOWLEDGE_LEADS = {"design", "model", "control", "search", "plant"}

DESCRIPTIVE = (
    "types of",
    "principles of",
    "characteristics of",
    "variety of",
    "range of",
    "aspects of",
    "features of",
    "elements of",
    "methods of",
    "use of",
)

# Never skills, whatever the context: the word's ordinary sense swamps
# the skill in our texts.
STOP_FORMS = {
    "communication",
    "communications",
    "plan",
    "english",
    "statistics",
    "securities",
    "leadership",
    "management",
    "teamwork",
    "business",
    "information",
    "technology",
    "technologies",
    "energy",
    "safety",
    "quality",
    "data",
    "internet",
    "e-mail",
    "email",
    "computer",
    "computers",
    "software",
    "hardware",
    "sales",
    "finance",
    "research",
    "trade",
    "law",
    "tax",
    "taxes",
    "insurance",
    "banking",
    "investment",
    "marketing",
    "advertising",
    "logistics",
    "transport",
    "retail",
    "services",
    "products",
    "materials",
    "chemistry",
    "physics",
    "mathematics",
    "economics",
    "history",
    "music",
    "art",
    "time",
    "control",
    "search",
    "order",
    "mobile",
    "windows",
    "office",
    "access",
    "word",
    "outlook",
    "project",
    "excel",
    "teams",
    "edge",
    "visio",
    "publisher",
    "money",
    "budget",
    "sage",
    "vision",
    "elite",
    "clear books",
}

# Vendor words that stay with the product even when the product would
# read well alone.
KEEP_VENDOR = {"Microsoft Word", "Microsoft Project", "Microsoft Teams"}


def words(s):
    return s.split()


# Occupations are not skills (GUIDELINES rule 6: "engineers", "data
# scientists" are not mentions; "data science" is). A curated alias of
# several words ending in one of these ("data scientists", "product
# managers", "Salesforce developer") is dropped, and no later entry may
# claim it: "data scientists" then reports nothing, "machine learning
# engineers" the field "machine learning" inside it.
OCCUPATIONS = set(
    """engineer engineers developer developers scientist scientists analyst
    analysts manager managers designer designers administrator
    administrators architect architects consultant consultants specialist
    specialists rep reps representative representatives programmer
    programmers tester testers annotator annotators labeler labelers clerk
    clerks operator operators assistant assistants recruiter recruiters
    marketer marketers strategist strategists technician technicians
    caller callers""".split()
)

# Curated names whose ESCO concept has a longer label that means the
# same in our texts: "analytics" alone is data analytics.
SAME_AS = {"analytics": "data analytics"}

# Heads of names that people write in the plural as often as in the
# singular ("data centers", "search engines"); other last words get no
# plural variant.
COUNT_HEADS = set(
    """center centre engine system network device model database platform
    application app tool language service sensor vehicle robot algorithm
    chip computer server assistant agent chatbot interface framework
    library website format protocol controller printer camera drone
    processor circuit display panel cell battery module container pipeline
    workflow dashboard spreadsheet editor browser simulator terminal
    twin contract ledger payment wallet""".split()
)

# Fields in "-ics" whose "-ic" form people say before a head as if it
# were the field: "our data analytic capabilities", "predictive analytic
# tools". Other "-ics" words get no such variant ("robotic" is an
# adjective of anything).
ICS_AS_IC = {"analytics"}

# Heads that a taxonomy label adds to a field's name: "e-commerce systems"
# is e-commerce, "automation technology" automation.
GENERIC_HEADS = {"systems", "system", "technology", "technologies"}


# British spellings (ESCO writes them) and the American ones of the
# earnings calls we read: "data centre", "visualisation", "modelling".
BRITISH = [
    (r"isation", "ization"),
    (r"isational", "izational"),
    (r"ise(s|d)?\b", r"ize\1"),
    (r"ising\b", "izing"),
    (r"yse(s|d)?\b", r"yze\1"),
    (r"\b(cen|fib|me|thea|li)tre(s)?\b", r"\1ter\2"),
    (r"elling\b", "eling"),
    (r"elled\b", "eled"),
    (r"\b(col|behavi|lab|flav|fav|hon|harb|neighb|vap|rum)our", r"\1or"),
    (r"\bprogramme(s)?\b", r"program\1"),
    (r"\b(catal|dial|anal)ogue(s)?\b", r"\1og\2"),
    (r"\b(licen|defen|offen)ce\b", r"\1se"),
]
# Words in "-ise" that are not British "-ize" words.
NOT_ISE = re.compile(
    r"\b(expert|enterpr|franch|prem|exerc|compr|advert|superv|improv|"
    r"merchand|wh|prec|conc|w|r|no|pra|cru|tr|bru|mid|sunr|otherw|"
    r"likew|paradise|surpr|dev|rev|adv|desp|disgu|chem)ise"
)


def american(form):
    """The American spelling of a British form (the form if none)."""
    if NOT_ISE.search(form.lower()):
        rules = [r for r in BRITISH if "ise" not in r[0] or "isation" in r[0]]
    else:
        rules = BRITISH
    out = form
    for pat, rep in rules:
        out = re.sub(pat, rep, out)
    return out


def variants(form):
    """Other spellings of a form as people write it: a hyphen written as
    a space or left out ("e-commerce": "e commerce", "ecommerce"); the
    spaces of a name of two or three plain words written as hyphens
    ("machine learning": "machine-learning"); the singular of a plural last
    word of a name of several words ("search engines": "search engine"; "data analytics": "data analytic",
    ICS_AS_IC), and the plural of a countable one (COUNT_HEADS: "data center": "data
    centers"). Names with capitals, digits or
    other signs only get the hyphen and space swaps."""
    out = []
    us = american(form)
    if us != form:
        out += [us] + variants(us)
    w = form.split(" ")
    if re.fullmatch(r"[A-Za-z]+(-[A-Za-z]+)+", form):
        out += [form.replace("-", " "), form.replace("-", "")]
    if 2 <= len(w) <= 3 and all(re.fullmatch(r"[A-Za-z]+", x) for x in w):
        out.append("-".join(w))
    last = w[-1]
    if len(w) > 1 and re.fullmatch(r"[a-z]{3,}", last):
        if last in ICS_AS_IC:
            num = last[:-1]
        elif last.endswith("ies"):
            num = last[:-3] + "y"
        elif last.endswith(("ss", "us", "is", "ics", "ing", "ware", "ness")):
            num = None
        elif last.endswith("s"):
            num = last[:-1]
        elif last in COUNT_HEADS:
            num = last + "s"
        else:
            # Mass nouns and fields have no plural ("data science",
            # "cyber security").
            num = None
        if num:
            out.append(" ".join(w[:-1] + [num]))
    return [v for v in out if v != form]


def cut_parenthetical(label):
    return re.sub(r"\s*\([^)]*\)", "", label).strip()


def is_descriptive(form):
    lo = form.lower()
    if len(words(form)) > MAX_WORDS or len(form) > MAX_CHARS:
        return True
    if any(c in form for c in ",;:\"") or "(" in form:
        return True
    return any(lo.startswith(d) for d in DESCRIPTIVE)


class Verbs:
    """The verbs that lead ESCO task statements, read off the skill/
    competence labels of every collection (the language collection
    included: "understand written Korean")."""

    def __init__(self, esco_rows):
        lead = collections.Counter()
        for r in esco_rows:
            w = words(r["preferredLabel"])
            if r["skillType"] == "skill/competence" and len(w) > 1:
                lead[w[0].lower()] += 1
        self.verbs = set(lead) | LEAD_VERBS

    def is_verb(self, word, knowledge):
        w = word.lower()
        if knowledge and w in KNOWLEDGE_LEADS:
            return False
        if w in self.verbs:
            return True
        # Gerunds of those verbs: "measuring", "creating", "drafting".
        if w.endswith("ing") and len(w) > 5:
            stem = w[:-3]
            return any(
                v in self.verbs
                for v in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem)
            )
        return False

    def task(self, form, knowledge):
        """A task statement: led by a verb or its gerund, or ending with
        a gerund ("contaminated materials removing"). Labels of skill/
        competence concepts, and untyped v1.1 labels, must moreover open
        with a word that reads as a noun or adjective (NOUNISH), so that
        "fix locks", "milk animals" and "guide" go too."""
        w = words(form)
        if len(w) > 1 and (
            self.is_verb(w[0], knowledge)
            or w[-1].endswith("ing") and self.is_verb(w[-1], False)
        ):
            return True
        if len(w) == 1 and self.is_verb(w[0], knowledge):
            return True
        return not knowledge and not nounish(w[0])


NOUN_SUFFIXES = (
    "al ic ics ion ions ment ments ity ry gy gies ive ous ed ar an ure "
    "ence ance ism ship ness ist ists ogy ics ware ness ery ory ies ary "
    "ent ant ing ings ine er ers or ors ia"
).split()


def nounish(word):
    """True when a first word reads as a noun or adjective: capitals or
    digits ("SQL", "3D", "Python"), or a noun/adjective suffix
    ("medical", "acoustical", "orthodontics", "joint" is not)."""
    if word[:1].isupper() or any(c.isdigit() for c in word):
        return True
    w = word.lower().strip("-")
    return any(w.endswith(x) and len(w) > len(x) + 2 for x in NOUN_SUFFIXES)


def usable(form, verbs, knowledge=True):
    f = form.strip()
    if len(f) < 1 or is_descriptive(f) or verbs.task(f, knowledge):
        return False
    if f.lower().split()[0] in ("a", "an", "the"):
        return False
    return f.lower() not in STOP_FORMS


# ---- word frequency -------------------------------------------------------

TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.\-]*[A-Za-z0-9+#]|[A-Za-z0-9]")


def ordinary_text(corpus):
    """Sentences of ordinary financial prose: PhraseBank and Reuters."""
    pb = os.path.join(corpus, "financial-phrasebank", "Sentences_50Agree.txt")
    with open(pb, encoding="latin-1") as f:
        for line in f:
            yield line.rsplit("@", 1)[0]
    reserved = set()
    with open(os.path.join(corpus, "RESERVED.txt")) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 2 and p[0].startswith("reuters21578/"):
                reserved.add((os.path.basename(p[0]), p[1]))
    story = re.compile(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', re.S)
    body = re.compile(r"<BODY>(.*?)</BODY>", re.S)
    for path in sorted(glob.glob(os.path.join(corpus, "reuters21578", "*.sgm"))):
        if os.environ.get("SKILLS_LEXICON_NO_REUTERS"):
            break
        with open(path, encoding="latin-1") as f:
            text = f.read()
        for m in story.finditer(text):
            if (os.path.basename(path), m.group(1)) in reserved:
                continue
            b = body.search(m.group(2))
            if b:
                yield b.group(1)


def earnings_text(corpus):
    """The prepared remarks of the ECTSum training transcripts (documents
    in RESERVED.txt skipped): the text claimscan reads, where topics such
    as "renewable energy" and "business model" are ordinary phrases."""
    with open(os.path.join(corpus, "RESERVED.txt")) as f:
        reserved = {l.split("\t")[0].strip() for l in f if not l.startswith("#")}
    base = os.path.join(corpus, "ectsum", "final", "train", "ects")
    for path in sorted(glob.glob(os.path.join(base, "*.txt"))):
        rel = os.path.relpath(path, corpus)
        if rel in reserved:
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            yield f.read()


class Frequency:
    """Lower-case occurrences per million words of the forms asked for,
    in the texts that `source(corpus)` yields."""

    def __init__(self, corpus, forms, source=ordinary_text):
        want = {}
        for f in forms:
            toks = tuple(TOKEN.findall(f.lower()))
            if toks and len(toks) <= MAX_WORDS:
                want[toks] = 0
        maxn = max((len(t) for t in want), default=1)
        total = 0
        for text in source(corpus):
            toks = TOKEN.findall(text)
            total += len(toks)
            for i in range(len(toks)):
                for n in range(1, maxn + 1):
                    g = tuple(toks[i : i + n])
                    if len(g) < n:
                        break
                    if g in want:
                        want[g] += 1
        self.total = total
        self.counts = want

    def per_million(self, form):
        toks = tuple(TOKEN.findall(form.lower()))
        return self.counts.get(toks, 0) * 1e6 / max(self.total, 1)

    def common(self, form):
        return self.per_million(form) >= COMMON_PER_MILLION


class Frequencies:
    """Common in either corpus: financial news or earnings calls."""

    def __init__(self, corpus, forms):
        self.parts = [
            Frequency(corpus, forms),
            Frequency(corpus, forms, earnings_text),
        ]
        self.total = sum(p.total for p in self.parts)

    def common(self, form):
        return any(p.common(form) for p in self.parts)


# ---- sources ----------------------------------------------------------------


def read_curated(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            p = line.split("\t") + ["", "", "", ""]
            if p[0] in ("canonical", "name"):
                continue
            aliases = [a.strip() for a in re.split(r"[|;]", p[1]) if a.strip()]
            out.append(
                {
                    "canonical": p[0].strip(),
                    "forms": [p[0].strip()] + aliases,
                    "id": p[2].strip(),
                    "flags": p[3].strip(),
                    "source": "curated",
                    "label": "",
                }
            )
    return out


def read_esco(corpus, with_languages=False):
    rows = {}
    for path in sorted(glob.glob(os.path.join(corpus, "esco", "*Collection_en.csv"))):
        if "languageSkills" in path and not with_languages:
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                r["digital"] = "digitalSkills" in path or "digComp" in path
                prev = rows.setdefault(r["conceptUri"], r)
                prev["digital"] = prev["digital"] or r["digital"]
    return [rows[k] for k in sorted(rows)]


def related(alt, pref):
    """An alternative label we trust as a synonym: it shares a word with
    the preferred label, or is its acronym ("BIM"). ESCO's alternative
    labels also list tools of a field ("computer vision": "tensorflow",
    "matlab", "cuda"), which are not names of the concept."""
    a = {w.lower() for w in re.findall(r"[A-Za-z0-9+#]+", alt)}
    pw = re.findall(r"[A-Za-z0-9+#]+", pref)
    if a & {w.lower() for w in pw}:
        return True
    initials = "".join(w[0] for w in pw if w.lower() not in ("of", "and", "for", "the"))
    return alt.replace(".", "").upper() == initials.upper() and len(initials) > 1


def esco_labels(r):
    pref = r["preferredLabel"].strip()
    alts = [a.strip() for a in r["altLabels"].split("|") if a.strip()]
    cut = cut_parenthetical(pref)
    return [pref] + [a for a in alts if related(cut_parenthetical(a), cut)]


def read_onet(corpus):
    path = os.path.join(corpus, "onet", "Technology Skills.txt")
    products = {}
    titles = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            e = products.setdefault(
                r["Example"].strip(), {"codes": collections.Counter(), "hot": False}
            )
            e["codes"][r["Commodity Code"]] += 1
            e["hot"] |= r["Hot Technology"] == "Y"
            titles[r["Commodity Code"]] = r["Commodity Title"].strip()
    return products, titles


def vendors(products, freq):
    """First words that start three or more products and are not common
    English ("Microsoft", "Adobe", "Oracle"; not "Data", "The")."""
    first = collections.Counter(
        words(p)[0] for p in products if len(words(p)) > 1
    )
    return {
        w
        for w, n in first.items()
        if n >= 3 and not freq.common(w.lower()) and w[0].isupper()
    }


def short_name(product, vend, freq):
    """The product without its vendor, when that reads as a name."""
    w = words(product)
    if len(w) < 2 or w[0] not in vend or product in KEEP_VENDOR:
        return None
    short = " ".join(w[1:])
    if freq.common(short) or short.lower() in STOP_FORMS or len(short) < 3:
        return None
    distinctive = (
        len(words(short)) > 1
        or any(c.isdigit() for c in short)
        or any(c.isupper() for c in short[1:])
        or not short.isalpha()
    )
    return short if distinctive else None


# ---- assembly ----------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--curated", default=os.path.join(ROOT, "data", "skills.tsv"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "skills-lexicon.tsv"))
    args = ap.parse_args()

    curated = read_curated(args.curated)
    esco = read_esco(args.corpus)
    verbs = Verbs(read_esco(args.corpus, with_languages=True))
    with open(os.path.join(args.corpus, "skill-extraction-benchmark", "skills_en_label.txt"), encoding="utf-8") as f:
        v11 = [l.strip() for l in f if l.strip()]
    products, titles = read_onet(args.corpus)

    every = set()
    for e in curated:
        every.update(e["forms"])
    for r in esco:
        every.update(cut_parenthetical(x) for x in esco_labels(r))
    every.update(cut_parenthetical(x) for x in v11)
    for p in products:
        every.add(p)
        w = words(p)
        every.add(w[0])
        if len(w) > 1:
            every.add(" ".join(w[1:]))
    every.update(t.lower() for t in titles.values())
    freq = Frequencies(args.corpus, every)
    vend = vendors(products, freq)

    # Which taxonomy concept each lower-case label names.
    esco_by_form = {}
    for r in esco:
        for x in esco_labels(r):
            for f in {x, cut_parenthetical(x)}:
                esco_by_form.setdefault(f.lower(), r)
    onet_by_form = {}
    for p, e in products.items():
        code = e["codes"].most_common(1)[0][0]
        onet_by_form.setdefault(p.lower(), (p, code))
        s = short_name(p, vend, freq) if e["hot"] else None
        if s:
            onet_by_form.setdefault(s.lower(), (p, code))
    for code, t in titles.items():
        onet_by_form.setdefault(t.lower(), (t, code))

    # Looser keys, for the id of a curated name only (they add no forms):
    # ESCO labels with a generic head ("e-commerce systems", "automation
    # technology") or another spelling (variants()); O*NET products
    # without " software", without their vendor, or by a trailing acronym
    # of their initials ("Amazon Web Services AWS software": "AWS"), the
    # most used row first, matched with case.
    esco_loose = {}
    for r in esco:
        for x in esco_labels(r):
            x = cut_parenthetical(x)
            keys = [x] + variants(x)
            w = words(x)
            pref = x == cut_parenthetical(r["preferredLabel"])
            if pref and len(w) > 1 and w[-1].lower() in GENERIC_HEADS:
                keys.append(" ".join(w[:-1]))
            for k in keys:
                esco_loose.setdefault(k.lower(), r)
    onet_loose = {}
    for p in sorted(products, key=lambda p: (-sum(products[p]["codes"].values()), p)):
        code = products[p]["codes"].most_common(1)[0][0]
        base = re.sub(r"\s+software$", "", p)
        w = words(base)
        keys = [base]
        rest = " ".join(w[1:])
        acronym = rest.isupper() and len(rest) <= 4
        if len(w) > 1 and w[0] in vend and not acronym and rest != rest.lower():
            keys.append(rest)
        initials = "".join(x[0] for x in w[:-1])
        if len(w) > 2 and w[-1].isupper() and w[-1] == initials and all(
            x[0].isupper() for x in w[:-1]
        ):
            keys += [w[-1], " ".join(w[:-1])]
        for k in keys:
            # Case counts: "Bookkeeping software" is a kind of software,
            # not the curated "bookkeeping"; "ELM" is not "Elm".
            if k.lower() not in STOP_FORMS and not freq.common(k.lower()):
                onet_loose.setdefault(k, (p, code))

    taken = set()
    out = []
    used_esco = set()
    used_onet = set()

    def claim(forms):
        kept = []
        for f in forms:
            k = f.lower()
            if k in taken or not f:
                continue
            taken.add(k)
            kept.append(f)
        return kept

    # Curated generic names are written in sentence case ("Video editing");
    # the contract's values are written as people write them, which for a
    # generic skill is lower case ("machine learning"). Where ESCO has the
    # same name in lower case, we take ESCO's spelling; names ("Python",
    # "Linux", "Power BI") keep their capitals.
    esco_lower = set()
    for r in read_esco(args.corpus, with_languages=True):
        for x in esco_labels(r):
            x = cut_parenthetical(x)
            if x.islower():
                esco_lower.add(x)
    esco_lower.update(cut_parenthetical(x) for x in v11 if cut_parenthetical(x).islower())
    for e in curated:
        low = e["canonical"].lower()
        sentence = e["canonical"][1:] == low[1:]
        if sentence and e["canonical"] != low and low in esco_lower and "cs" not in e["flags"]:
            e["forms"][0] = low
            e["canonical"] = low

    # 1. Curated entries, with taxonomy ids and labels.
    for e in curated:
        occ = [
            f for f in e["forms"][1:]
            if len(words(f)) > 1 and words(f)[-1].lower() in OCCUPATIONS
        ]
        taken.update(f.lower() for f in occ)
        e["forms"] = [f for f in e["forms"] if f not in occ]
        # One ESCO concept per curated entry, the first that names it:
        # GPS's alias "global positioning systems" is an alternative
        # label of "geographic information systems", which GIS has.
        r = next(
            (
                esco_by_form[f.lower()]
                for f in e["forms"]
                if f.lower() in esco_by_form
                and esco_by_form[f.lower()]["conceptUri"] not in used_esco
            ),
            None,
        )
        o = next((onet_by_form[f.lower()] for f in e["forms"] if f.lower() in onet_by_form), None)
        extra = []
        if r is not None:
            used_esco.add(r["conceptUri"])
            e["id"] = e["id"] or r["conceptUri"]
            e["label"] = r["preferredLabel"]
            extra = [
                cut_parenthetical(x)
                for x in esco_labels(r)
                if usable(cut_parenthetical(x), verbs, r["skillType"] == "knowledge")
                and not freq.common(cut_parenthetical(x))
            ]
        if o is not None:
            used_onet.add(o[0])
            if not e["id"]:
                e["id"] = o[1]
                e["label"] = o[0]
            if o[0] in products and not freq.common(o[0]):
                extra.append(o[0])
        if not e["id"]:
            near = [f.lower() for f in e["forms"] if f.lower() in esco_loose]
            nearo = [f for f in e["forms"] if f in onet_loose]
            near = [f for f in near if esco_loose[f]["conceptUri"] not in used_esco]
            if e["canonical"] in SAME_AS:
                near = [SAME_AS[e["canonical"]]]
            if near:
                used_esco.add(esco_loose[near[0]]["conceptUri"])
                e["id"] = esco_loose[near[0]]["conceptUri"]
                e["label"] = esco_loose[near[0]]["preferredLabel"]
            elif nearo:
                e["label"], e["id"] = onet_loose[nearo[0]]
        forms = claim(e["forms"] + extra)
        if not forms:
            continue
        e["forms"] = forms
        out.append(e)

    def generated(
        canonical,
        forms,
        ident,
        source,
        label,
        knowledge=True,
        single_word_is_name=False,
        topic=False,
    ):
        forms = [f for f in forms if usable(f, verbs, knowledge)]
        if not forms:
            return
        if canonical not in forms:
            canonical = min(forms, key=lambda f: (len(words(f)), len(f)))
        forms = [canonical] + [f for f in forms if f != canonical]
        forms = claim(forms)
        if not forms or forms[0] != canonical:
            # The canonical name belongs to an earlier entry: the rest of
            # these forms would report a second name for it.
            return
        # A one-word product name ("Google", "TikTok", "Vigilant") is
        # usually the company or an ordinary word; it too needs a cue.
        def needs_cue(f):
            # Short acronyms ("LMS": learning, or labor, management system).
            acronym = f.isupper() and len(f) <= 4
            return (
                topic
                or acronym
                or freq.common(f)
                or single_word_is_name and len(words(f)) == 1
            )

        marked = ["~" + f if needs_cue(f) else f for f in forms]
        out.append(
            {
                "canonical": canonical,
                "forms": [canonical] + marked[1:],
                "id": ident,
                "flags": "common" if needs_cue(canonical) else "",
                "source": source,
                "label": label,
            }
        )

    # 2. ESCO collections.
    for r in esco:
        if r["conceptUri"] in used_esco:
            continue
        labels = [cut_parenthetical(x) for x in esco_labels(r)]
        generated(
            labels[0],
            labels,
            r["conceptUri"],
            "esco",
            r["preferredLabel"],
            knowledge=r["skillType"] == "knowledge",
            topic=not r["digital"],
        )
    # 3. ESCO v1.1 labels the collections lack.
    known = {r["preferredLabel"].lower() for r in esco}
    known |= {
        r["preferredLabel"].lower()
        for r in read_esco(args.corpus, with_languages=True)
    }
    for label in v11:
        if label.lower() in known:
            continue
        c = cut_parenthetical(label)
        generated(c, [c], "", "esco-1.1", label, knowledge=False, topic=True)
    # 4. O*NET products and commodity titles.
    for p in sorted(products):
        if p in used_onet:
            continue
        e = products[p]
        code = e["codes"].most_common(1)[0][0]
        s = short_name(p, vend, freq) if e["hot"] else None
        forms = [p] + ([s] if s else [])
        canonical = s or p
        generated(canonical, forms, code, "onet", p, single_word_is_name=True)
    for code in sorted(titles):
        t = titles[code]
        generated(t.lower(), [t.lower()], code, "onet-title", t)

    # 5. Spelling variants of curated and ESCO collection forms, claimed
    # last so that they never take a form an entry names: "data-analytics"
    # and "machine-learning" for the spaced name, "e commerce" and
    # "ecommerce" for the hyphenated one, the other number of the last
    # word of a name of several words ("data centers", "search engine").
    # A variant needs a cue when its form does.
    nvar = collections.Counter()
    for e in out:
        if e["source"] not in ("curated", "esco"):
            continue
        extra = []
        for f in e["forms"]:
            mark = "~" if f.startswith("~") else ""
            if e["source"] != "curated" and f == e["canonical"] and e["flags"] == "common":
                mark = "~"
            for v in variants(f.lstrip("~")):
                if freq.common(v):
                    continue
                for k in claim([v]):
                    extra.append(mark + k)
        e["forms"] = e["forms"] + extra
        nvar[e["source"]] += len(extra)

    counts = collections.Counter(e["source"] for e in out)
    nforms = collections.Counter()
    nctx = collections.Counter()
    for e in out:
        nforms[e["source"]] += len(e["forms"])
        nctx[e["source"]] += sum(f.startswith("~") for f in e["forms"])
        nctx[e["source"]] += e["flags"] == "common"
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(
            total=len(out),
            forms=sum(nforms.values()),
            by=", ".join(f"{s} {counts[s]} entries / {nforms[s]} forms ({nctx[s]} need context)" for s in SOURCES),
            words=freq.total,
            rate=COMMON_PER_MILLION,
        ))
        for e in out:
            f.write("\t".join([
                e["canonical"],
                "|".join(e["forms"][1:]),
                e["id"],
                e["flags"],
                e["source"],
                e["label"],
            ]) + "\n")
    for s in SOURCES:
        print(f"{s}: {counts[s]} entries, {nforms[s]} forms ({nvar[s]} spelling variants), {nctx[s]} need context", file=sys.stderr)
    print(f"total: {len(out)} entries, {sum(nforms.values())} forms; frequency corpus {freq.total} words", file=sys.stderr)


SOURCES = ["curated", "esco", "esco-1.1", "onet", "onet-title"]

HEADER = """\
# skills-lexicon.tsv - the built-in skills lexicon. GENERATED by
# scripts/skills-lexicon.py from data/skills.tsv and the taxonomies below;
# do not edit by hand (edit data/skills.tsv or the script, then rerun it).
#
# {total} entries, {forms} surface forms: {by}.
#
# Columns: canonical<TAB>aliases<TAB>id<TAB>flags<TAB>source<TAB>label
#   canonical, aliases, id, flags: as in data/skills.tsv. An alias written
#     ~form, and the canonical name of a line flagged `common`, is an
#     ordinary word or phrase (at least {rate} lower-case occurrences per
#     million words in Financial PhraseBank and Reuters-21578 text, or in
#     ECTSum training transcripts; {words} words), or a one-word O*NET
#     product name: it needs a strong skill cue.
#   id: the ESCO concept URI or the O*NET commodity code; empty for
#     curated names no taxonomy has and for ESCO v1.1 labels (no URI).
#   source: curated, esco (v1.2.0 collections), esco-1.1 (preferred labels
#     only), onet (Technology Skills products), onet-title (commodity
#     titles). label: the taxonomy's own label for the entry.
#
# Attribution. This lexicon is derived from:
#   - ESCO v1.2.0 and v1.1.0, European Commission. "This service uses the
#     ESCO classification of the European Commission." Reuse under
#     Commission Decision 2011/833/EU, with attribution.
#   - O*NET 29.2 Database, U.S. Department of Labor, Employment and
#     Training Administration, licensed under CC BY 4.0
#     (https://www.onetcenter.org/license_db.html). Modified: products
#     deduplicated, vendor names stripped, labels filtered.
"""

if __name__ == "__main__":
    main()
