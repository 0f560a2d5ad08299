"""A guided interview that builds a facts file one answer at a time (``zorgadvies interview``).

The logic lives here and needs no terminal: :class:`Interview` says which :class:`Step` comes next
given what is known so far, takes a typed answer (checking it at once, :class:`AnswerError` with a
one-line reason otherwise) and saves the facts file atomically after every answer. The terminal
front end is :mod:`zorgadvies.cli.interview`.

Three parts, in this order: the organisation (name, sector, employees), the people (name, roles and,
for a Hoofd Innovatie or Hoofd Implementatie, a DISC profile) and the questionnaire in
knowledge-base order. A question is only asked while it can still change a conclusion; see
:func:`live_questions` and docs/interview.md.

The saved file is an ordinary facts file (``zorgadvies assess`` reads it). What the format cannot
hold (a sector answered ``onbekend``, a people list still open, a name typed before its roles) is
kept in a YAML comment line ``# interview-state: {...}``, so ``--resume`` continues where it stopped.
"""

from __future__ import annotations

import datetime
import json
import re
import shlex
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import yaml

from .api import Advisor
from .errors import InputError, ZorgadviesError, did_you_mean
from .facts import ASSESSMENT_KEYS, DISC_COLOURS, ROLE_LABELS, ROLE_QUESTIONS, ROLES, SECTORS, Facts
from .knowledge import PILLAR_IDS, THEME_LABELS, Question
from .logic import Formula, Truth, conditions, evaluate
from .messages import LANGUAGES, MESSAGES
from .rulepack import Rule
from .render.labels import stage_names, stage_text
from .report import PillarResult
from .safeio import atomic_write
from .stages import SELF_PLACEMENT_PREFIX, rule_outcomes

if TYPE_CHECKING:
    from .engine import Firing

__all__ = [
    "INNOVATION_ROLES",
    "NOTE_MARK",
    "STATE_MARK",
    "advice_aims",
    "AnswerError",
    "Interview",
    "Option",
    "Step",
    "Texts",
    "default_path",
    "is_back",
    "is_help",
    "live_questions",
    "read_state",
    "slug",
]

#: The comment line that carries what the facts format cannot (see the module docstring).
STATE_MARK = "# interview-state: "
INNOVATION_ROLES = ("hoofd_innovatie", "hoofd_implementatie")
#: Typed after a questionnaire answer, starts its note (``toelichting``): ``ja # notulen MT 3 maart``.
NOTE_MARK = "#"

_YES = {"ja": "ja", "j": "ja", "yes": "ja", "y": "ja", "nee": "nee", "n": "nee", "no": "nee"}
_UNKNOWN = {"onbekend", "unknown", "weet niet"}
_AT_LEAST_PREFIX = re.compile(r"^(?:minstens|at least|>=|≥)\s*", re.IGNORECASE)


def _at_least_text(text: str) -> str | None:
    """The rest of ``minstens 2`` / ``at least 2`` / ``>= 2``, or None for an ordinary answer."""
    match = _AT_LEAST_PREFIX.match(text)
    return text[match.end() :].strip() if match else None
_NVT = {"nvt", "n.v.t.", "n.v.t", "n/a", "na", "not applicable"}
_END_OF_LIST = {"", "klaar", "geen", "niemand", "done", "none", "nobody"}
_HELP = {"?", "help", "hulp"}
#: Skips an optional step of the assessment block or the targets (Enter does too, except for the
#: date, where Enter takes today's date).
_SKIP = {"-", "geen", "none", "overslaan", "skip"} | _UNKNOWN
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_BACK = {"terug", "back", "vorige", "previous"}

_SECTOR_LABELS = {
    "ziekenhuis": ("Ziekenhuis", "Hospital"),
    "ouderenzorg": ("Ouderenzorg (VVT)", "Elderly care"),
    "ggz": ("Geestelijke gezondheidszorg (ggz)", "Mental health care"),
    "gehandicaptenzorg": ("Gehandicaptenzorg", "Disability care"),
    "thuiszorg": ("Thuiszorg", "Home care"),
    "eerstelijn": ("Eerstelijnszorg (huisarts, fysio, gezondheidscentrum)", "Primary care"),
    "welzijn": ("Welzijn", "Social welfare"),
    "overig": ("Overig", "Other"),
}
_SECTOR_ALIASES = {"vvt": "ouderenzorg", "hospital": "ziekenhuis", "other": "overig"}
_DISC_LETTER = dict(zip("DISC", DISC_COLOURS))
_DISC_WORDS = {"rood": "rood", "geel": "geel", "groen": "groen", "blauw": "blauw",
               "red": "rood", "yellow": "geel", "green": "groen", "blue": "blauw"} | {
    k.lower(): v for k, v in _DISC_LETTER.items()
}

#: Group headings of the questionnaire, by question-id prefix (the knowledge base gives every
#: question file a prefix per subject). Prefixes not listed here take the label of the pillar or
#: theme most of their questions inform.
_GROUP_LABELS = {
    "keten": ("Zorgketen en dienstenmodellen", "Care chain and service models"),
    "kennis": ("Kennis delen", "Sharing knowledge"),
    "tech": ("Technologie", "Technology"),
    "ovh": ("Overheid", "Government"),
    "visie": ("Visie op innovatie", "Vision on innovation"),
    "sel": ("Innovaties selecteren en prioriteren", "Selecting and prioritising innovations"),
    "rol": ("Rollen: innovatie en implementatie", "Roles: innovation and implementation"),
    "infra": ("Infrastructuur voor innovatie en implementatie", "Infrastructure for innovation and implementation"),
    "samen": ("Samenwerking", "Collaboration"),
    "comm": ("Communicatie", "Communication"),
    "cult": ("Cultuur", "Culture"),
    "soc": ("Sociale innovatie", "Social innovation"),
}



class Texts:
    """The interview's messages (zorgadvies/messages.py) in the interview's own language.

    The interview's language is a property of the interview (``Interview(lang=...)``, the questions
    and answers are in it), not of the context, so it looks its keys up in a fixed language.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._index = LANGUAGES.index(lang)

    def __getitem__(self, key: str) -> str:
        return MESSAGES[key][self._index]


#: The message keys of the part titles and of the assessment steps (question, help).
_PART_KEYS = {
    "assessment": "interview.part_assessment",
    "organisation": "interview.part_organisation",
    "people": "interview.part_people",
    "questions": "interview.part_questions",
    "targets": "interview.part_targets",
}
_ASSESSMENT_TEXT = {
    "assessment.date": ("interview.assessment.date", "interview.assessment.date_help"),
    "assessment.consultant": ("interview.assessment.consultant", "interview.assessment.consultant_help"),
    "assessment.client_contact": ("interview.assessment.client_contact", "interview.assessment.client_contact_help"),
    "assessment.round": ("interview.assessment.round", "interview.assessment.round_help"),
}

_META_KEYS = ("organisation.name", "organisation.sector", "organisation.employees", "person.name", "person.roles", "person.disc")
_ASSESSMENT_STEPS = tuple(f"assessment.{key}" for key in ASSESSMENT_KEYS)
_TARGET_PREFIX = "doelen."
#: The longest note typed after an answer (the web form keeps 2,000 characters too).
NOTE_LIMIT = 2000


class AnswerError(ValueError):
    """An answer that does not fit the step; ``str()`` is a one-line reason for the user."""


@attrs.frozen
class Option:
    id: str
    label: str


@attrs.frozen
class Step:
    """One thing to ask.

    ``key`` is ``assessment.<date|consultant|client_contact|round>``, ``organisation.name``,
    ``organisation.sector``, ``organisation.employees``, ``person.name``, ``person.roles``,
    ``person.disc``, a question id or ``doelen.<pillar>``. ``kind`` says how an answer is read:
    ``text``, ``date``, ``choice``, ``roles``, ``integer``, ``boolean``, ``disc``, ``person`` or
    ``stage`` (a target).
    ``heading`` is set when the step starts a new group (a pillar or theme of the questionnaire).
    ``progress`` is (answered, answered + still relevant) for questionnaire steps.
    """

    key: str
    part: str  # assessment | organisation | people | questions | targets
    kind: str
    text: str
    help: str
    options: tuple[Option, ...] = ()
    heading: str | None = None
    progress: tuple[int, int] | None = None
    question: Question | None = None
    allows_special: bool = True  # whether onbekend / nvt are accepted

    @property
    def is_question(self) -> bool:
        return self.question is not None


def slug(text: str) -> str:
    """``Thuiszorg De Linde`` -> ``thuiszorg-de-linde`` (ASCII, for a file name)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-") or "organisatie"


def default_path(name: str, folder: str | Path = ".") -> Path:
    """``./interview-<slug>.yaml``, or ``-2``, ``-3``... when that file already exists."""
    folder = Path(folder)
    base = f"interview-{slug(name)}"
    candidate = folder / f"{base}.yaml"
    n = 2
    while candidate.exists():
        candidate = folder / f"{base}-{n}.yaml"
        n += 1
    return candidate


def read_state(text: str) -> dict[str, Any]:
    """The ``# interview-state:`` comment of a saved file, or ``{}`` when it has none.

    The line is hand-editable, so every entry is checked: one of the wrong type or value is left
    out (the interview then falls back to what the facts themselves say), never a crash.
    """
    for line in text.split("\n"):
        if line.startswith(STATE_MARK):
            try:
                state = json.loads(line[len(STATE_MARK):])
            except (ValueError, RecursionError):
                return {}
            return _clean_state(state) if isinstance(state, dict) else {}
    return {}


def advice_aims(adv: Advisor, rule: Rule) -> tuple[Formula, ...]:
    """The formulas besides ``when`` that decide whether a recommend rule's advice is given: its own
    and its recommendation's ``moot_when``, and its ``chosen_otherwise`` condition."""
    if rule.then.kind != "recommend":
        return ()
    found = (rule.moot_when, adv.pack.moot.get(rule.then.target or ""), rule.chosen_otherwise[0] if rule.chosen_otherwise else None)
    return tuple(f for f in found if f is not None)


def _clean_state(state: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    if state.get("people") in ("todo", "open", "done"):
        clean["people"] = state["people"]
    unknown = state.get("unknown")
    if isinstance(unknown, list):
        clean["unknown"] = [u for u in unknown if isinstance(u, str)]
    pending = state.get("pending_person")
    if isinstance(pending, str) and _printable_line(pending):
        clean["pending_person"] = pending
    return clean


def _done_parts(facts: Facts) -> set[str]:
    """For a file without the interview's state line: the consultant's parts it already settles.

    An ``assessment:`` block (or ``doelen:``) that is there counts as answered as a whole; its
    missing fields were left out on purpose, so they are not asked.
    """
    done: set[str] = set()
    if facts.assessment is not None:
        done.update(_ASSESSMENT_STEPS)
    if facts.targets:
        done.update(_TARGET_PREFIX + p for p in PILLAR_IDS)
    return done


def _printable_line(text: str) -> bool:
    """No control character and no line or paragraph separator (category Cc, Zl, Zp)."""
    return not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text)


def _comment(text: str) -> str:
    """``text`` made safe for one YAML comment line: YAML also ends a line at NEL, LS and PS."""
    return "".join(c if unicodedata.category(c) not in ("Cc", "Zl", "Zp") else f"\\u{ord(c):04x}" for c in text)


def live_questions(adv: Advisor, facts: Facts, *, run: Callable[[Facts], tuple[dict[str, tuple[object, int | None]], list["Firing"], tuple[PillarResult, ...]]] | None = None) -> set[str]:
    """The questions whose answer can still change a conclusion, given ``facts``.

    Runs the real engine. A rule that fires or fails cannot change any more (the three-valued logic
    is monotonic), so only rules whose outcome is unknown count, and of those only the ones that can
    still matter: a criterion rule of a stage above the first stage of its pillar that can no longer
    be reached (one of its criteria fails) can change neither the stage nor what is listed as
    missing for the next stage. A question is live when a counting rule tests it directly.

    Rules that test ``stage.<pillar>`` stay unknown while the stage is undetermined; the questions
    that settle it are those of the pillar's unknown criterion rules, which are live by the same
    reasoning (an undetermined pillar always has an unknown criterion at its next stage). Stage 1
    is the floor (docs/stages.md), so its criterion never caps the stages above it. The
    self-placement ``zelf_<pillar>`` is live while the pillar's stage is not established: it
    gives the estimate (or a conflict).

    ``run`` replaces ``adv.run`` (the same result by other means: :mod:`zorgadvies.livefast`).
    """
    staged, firings, pillars = (run or adv.run)(facts)
    outcome = rule_outcomes(firings)
    ceiling = {}
    for pillar in PILLAR_IDS:
        ceiling[pillar] = next(
            (n for n in range(2, 5) if any(outcome.get(r.id) == "fails" for r in adv.pack.criteria(pillar, n))),
            5,
        )
    live: set[str] = set()
    for rule in adv.pack.rules:
        if rule.then.kind == "recommend" and outcome.get(rule.id) != "fails":
            # Advice that fires or may fire can still be made moot, or turned into a check of a
            # deliberate choice, by the facts its aim and its chosen_otherwise name.
            for aim in advice_aims(adv, rule):
                if evaluate(aim, staged) is Truth.UNKNOWN:
                    live.update(c.subject for c in conditions(aim) if c.kind == "question" and c.subject not in staged)
        if rule.id in outcome:
            continue
        if rule.then.kind == "criterion" and rule.then.stage > ceiling[rule.then.pillar]:  # type: ignore[index,operator]
            continue
        for cond in adv.pack.when_conditions(rule):
            if cond.kind == "question":
                live.add(cond.subject)
            elif cond.subject.startswith("roles."):
                # Role facts are derived from the people list and, in the open world, from the
                # role-presence questions: those questions settle them when the list does not.
                role = cond.subject.split(".")[1]
                live.update(q for r, q in ROLE_QUESTIONS.items() if role in (r, "zelfde_persoon"))
    live.update(
        SELF_PLACEMENT_PREFIX + p.id for p in pillars if p.stage is None and SELF_PLACEMENT_PREFIX + p.id in adv.kb.questions
    )
    return live


class Interview:
    """The state of one interview and the logic of what to ask next.

    Parameters
    ----------
    adv:
        The advisor whose knowledge base and rules decide the questions.
    lang:
        ``nl`` or ``en``: the language of the steps.
    data:
        An earlier facts mapping (input format) to continue from.
    state:
        The interview state saved beside it (see :func:`read_state`).
    path:
        Where to save after every answer (atomically); ``None`` saves nothing.
    meta:
        Also ask the consultant's parts: the ``assessment:`` block first (date, consultant, client
        contact, round) and the target stage per pillar (``doelen:``) last. ``zorgadvies interview``
        asks them; a respondent's questionnaire (the web) does not.
    today:
        The date that Enter gives at the date step (default: today).
    """

    #: Whether the targets are asked at the end when ``meta`` is on (the quick scan does not).
    asks_targets = True
    #: Whether "answer # note" splits off a note: a typing habit of the terminal. A web form has
    #: its own note field, and there "12 # x" is not a number (nothing may be dropped silently).
    inline_notes = True

    def __init__(
        self,
        adv: Advisor,
        *,
        lang: str = "nl",
        data: Mapping[str, Any] | None = None,
        state: Mapping[str, Any] | None = None,
        path: str | Path | None = None,
        meta: bool = False,
        today: datetime.date | None = None,
    ) -> None:
        self.adv = adv
        self.meta = meta
        self.today = today or datetime.date.today()
        self.kb = adv.kb
        self.lang = lang
        self.t = Texts(lang)
        self.path = Path(path) if path is not None else None
        self.organisation: dict[str, Any] = {}
        self.people: list[dict[str, Any]] | None = None
        self.answers: dict[str, str | int | dict[str, str]] = {}  # input format: {minstens: v} too
        # The parts of the format the interview does not build from questions but must keep.
        self.assessment: dict[str, str] = {}
        self.notes: dict[str, str] = {}  # toelichting: question id -> note
        self.targets: dict[str, int] = {}  # doelen: pillar id -> stage number
        self.people_complete = False
        # A file with several respondents (docs/respondents.md) keeps them as they are; questions
        # they answered count as answered, and what the interview adds is the file's own answers.
        self.respondents: list[Any] | None = None
        self.answered_elsewhere: frozenset[str] = frozenset()
        state = dict(state or {})
        if data is not None:
            facts = adv.load(data)  # validates and normalises
            canonical = facts.to_dict()
            self.organisation = dict(canonical["organisation"])
            self.people = list(canonical["people"]) if "people" in canonical else None
            self.answers = dict(canonical["answers"])
            self.assessment = dict(canonical.get("assessment", {}))
            self.notes = dict(canonical.get("toelichting", {}))
            self.targets = dict(canonical.get("doelen", {}))
            self.people_complete = bool(canonical.get("people_complete"))
            if canonical.get("respondents"):
                self.respondents = list(canonical["respondents"])
                self.answered_elsewhere = frozenset(facts.answers) - set(self.answers)
        # What the facts format cannot say: meta answers given as onbekend, whether the people
        # list is still open, a person's name typed before the roles. A file without this state
        # (written by hand) counts its people list as complete when it has one.
        default_people = "done" if self.people is not None else "todo"
        self.people_state: str = state.get("people", default_people)
        if self.people_state not in ("todo", "open", "done"):
            self.people_state = default_people
        self.unknown: set[str] = set(state.get("unknown", ()))
        self.pending_person: str | None = state.get("pending_person") or None
        self.history: list[str] = []  # questionnaire questions answered in this session
        self._last_group: str | None = None
        self._live: set[str] | None = None

    # -- construction ---------------------------------------------------------------------------

    @classmethod
    def resume(
        cls, adv: Advisor, source: str | Path, *, lang: str = "nl", path: str | Path | None = None, meta: bool = False
    ) -> Interview:
        """Continue the interview saved in ``source`` (saving to ``path``, default ``source``).

        A file without the interview's state line (written by hand or by another tool) that has an
        ``assessment:`` block or ``doelen:`` counts that part as done: only a file without the block
        is asked for it.
        """
        source = Path(source)
        try:
            text = source.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(Texts(lang)["interview.cannot_read"].format(reason=exc.strerror), file=str(source)) from None
        facts = adv.load(source)  # a bad file fails here, with file:line
        target = path if path is not None else source
        state = read_state(text)
        if not any(line.startswith(STATE_MARK) for line in text.split("\n")):
            state["unknown"] = sorted(_done_parts(facts))
        return cls(adv, lang=lang, data=facts.to_dict(), state=state, path=target, meta=meta)

    # -- what we know -----------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        """The facts so far in input format (what is saved)."""
        result: dict[str, Any] = {"organisation": dict(self.organisation)}
        if self.assessment:
            result["assessment"] = dict(self.assessment)
        if self.targets:
            result["doelen"] = dict(self.targets)
        if self.people_complete:
            result["people_complete"] = True
        if self.people is not None:
            result["people"] = [dict(p) for p in self.people]
        if self.respondents:
            result["respondents"] = self.respondents
        result["answers"] = dict(self.answers)
        if self.notes:
            result["toelichting"] = dict(sorted(self.notes.items()))
        return result

    def facts(self) -> Facts:
        data = self.data()
        if "name" not in data["organisation"]:
            data["organisation"]["name"] = "?"
        return self.adv.load(data)

    def state(self) -> dict[str, Any]:
        state: dict[str, Any] = {"people": self.people_state, "unknown": sorted(self.unknown)}
        if self.pending_person:
            state["pending_person"] = self.pending_person
        return state

    def live(self) -> set[str]:
        """Questions that can still change a conclusion (cached until the next answer)."""
        if self._live is None:
            self._live = live_questions(self.adv, self.facts())
        return self._live

    def answered(self) -> set[str]:
        """Questions with an answer (``onbekend`` and ``nvt`` included; also by respondents)."""
        return set(self.answers) | self.answered_elsewhere

    def progress(self) -> tuple[int, int]:
        """(questions answered, answered + still relevant)."""
        answered = self.answered()
        return len(answered), len(answered) + len(self.live() - answered)

    def remaining(self) -> list[str]:
        """Unanswered questions that are still relevant, in knowledge-base order."""
        live, answered = self.live(), self.answered()
        return [q for q in self.kb.questions if q in live and q not in answered]

    @property
    def finished(self) -> bool:
        return self.next_key() is None

    def pillars(self) -> tuple[PillarResult, ...]:
        _, _, pillars = self.adv.run(self.facts())
        return pillars

    # -- what to ask next -----------------------------------------------------------------------

    def next_key(self) -> str | None:
        org = self.organisation
        if self.meta:
            for key in _ASSESSMENT_STEPS:
                if key.split(".")[1] not in self.assessment and key not in self.unknown:
                    return key
        if "name" not in org:
            return "organisation.name"
        if "sector" not in org and "organisation.sector" not in self.unknown:
            return "organisation.sector"
        if "employees" not in org and "organisation.employees" not in self.unknown:
            return "organisation.employees"
        if self.people_state != "done":
            if self.pending_person:
                return "person.roles"
            if self.people:
                index = len(self.people) - 1
                last = self.people[index]
                if (
                    set(last["roles"]) & set(INNOVATION_ROLES)
                    and "disc" not in last
                    and f"people.{index}.disc" not in self.unknown
                ):
                    return "person.disc"
            return "person.name"
        remaining = self.remaining()
        if remaining:
            return remaining[0]
        return self._next_target() if self.meta and self.asks_targets else None

    def _next_target(self) -> str | None:
        open_pillars = [p for p in self.kb.pillars if p.id not in self.targets and _TARGET_PREFIX + p.id not in self.unknown]
        if not open_pillars:
            return None
        stages = {p.id: p.stage for p in self.pillars()}
        top = len(self.kb.stages)
        # A pillar at the highest stage has nothing to aim for; no need to ask.
        return next((_TARGET_PREFIX + p.id for p in open_pillars if stages.get(p.id) != top), None)

    def next(self) -> Step | None:
        """The next step, or ``None`` when nothing that can change a conclusion is left to ask."""
        key = self.next_key()
        if key is None:
            return None
        step = self._step(key)
        group = f"part:{step.part}" if not step.is_question else self._group(step.key)
        heading = None
        if group != self._last_group:
            heading = self._group_label(group) if step.is_question else None
        self._last_group = group
        return attrs.evolve(step, heading=heading)

    def step(self, key: str) -> Step:
        """The step that asks ``key`` (any key :meth:`next_key` can return), e.g. to change an answer.

        Without ``progress``: that needs a run of the engine, and answering does not.
        """
        if key not in self.kb.questions and key not in _META_KEYS and key not in _ASSESSMENT_STEPS and not self._is_target(key):
            raise AnswerError(self.t["interview.unknown_step"].format(key=key))
        return self._step(key, with_progress=False)

    def _is_target(self, key: str) -> bool:
        return key.startswith(_TARGET_PREFIX) and key[len(_TARGET_PREFIX):] in PILLAR_IDS

    def parts(self) -> tuple[str, ...]:
        """The parts this interview goes through, in order (for the part headings)."""
        parts: tuple[str, ...] = ("organisation", "people", "questions")
        if self.meta:
            parts = ("assessment", *parts) + (("targets",) if self.asks_targets else ())
        return parts

    def part_title(self, part: str) -> str:
        """``Deel 2 van 5 — De organisatie``."""
        parts = self.parts()
        n = parts.index(part) + 1 if part in parts else 0
        return self.t["interview.part"].format(n=n, total=len(parts), name=self.t[_PART_KEYS[part]])

    def _group(self, qid: str) -> str:
        return qid.split("_", 1)[0]

    def _group_label(self, prefix: str) -> str:
        index = 0 if self.lang == "nl" else 1
        if prefix in _GROUP_LABELS:
            return _GROUP_LABELS[prefix][index]
        targets = Counter(q.informs[0] for q in self.kb.questions.values() if self._group(q.id) == prefix and q.informs)
        if not targets:
            return prefix
        target = targets.most_common(1)[0][0]
        if target in PILLAR_IDS:
            return self.kb.pillar(target).name(self.lang)
        return THEME_LABELS.get(target, (target, target))[index]

    def _label(self, table: Mapping[str, tuple[str, str]], key: str) -> str:
        return table.get(key, (key, key))[0 if self.lang == "nl" else 1]

    def _step(self, key: str, *, with_progress: bool = True) -> Step:
        t = self.t
        if key in _ASSESSMENT_STEPS:
            kind = "date" if key == "assessment.date" else "text"
            text_key, help_key = _ASSESSMENT_TEXT[key]
            return Step(key, "assessment", kind, t[text_key], t[help_key], allows_special=False)
        if self._is_target(key):
            pillar_id = key[len(_TARGET_PREFIX):]
            name = self.kb.pillar(pillar_id).name(self.lang)
            current = next((p for p in self.pillars() if p.id == pillar_id), None) if with_progress else None
            text = t["interview.target_now"].format(pillar=name, stage=self.stage_label(current)) if current else t["interview.target"].format(pillar=name)
            options = tuple(Option(s.id, s.name(self.lang)) for s in self.kb.stages)
            return Step(key, "targets", "stage", text, t["interview.target_help"], options, allows_special=False)
        if key == "organisation.name":
            return Step(key, "organisation", "text", t["interview.name"], t["interview.name_help"], allows_special=False)
        if key == "organisation.sector":
            options = tuple(Option(s, self._label(_SECTOR_LABELS, s)) for s in SECTORS)
            return Step(key, "organisation", "choice", t["interview.sector"], t["interview.sector_help"], options)
        if key == "organisation.employees":
            return Step(key, "organisation", "integer", t["interview.employees"], t["interview.employees_help"])
        if key == "person.name":
            n = len(self.people or ()) + 1
            return Step(key, "people", "person", t["interview.person"].format(n=n), t["interview.person_help"], allows_special=n == 1)
        if key == "person.roles":
            options = tuple(Option(r, self._label(ROLE_LABELS, r)) for r in ROLES)
            return Step(key, "people", "roles", t["interview.roles"].format(name=self.pending_person), t["interview.roles_help"], options, allows_special=False)
        if key == "person.disc":
            name = self.people[-1]["name"]  # type: ignore[index]
            return Step(key, "people", "disc", t["interview.disc"].format(name=name), t["interview.disc_help"])
        question = self.kb.questions[key]
        if question.type == "choice":
            options = tuple(Option(c.id, c.nl if self.lang == "nl" else c.en) for c in question.values)
        else:
            options = ()
        return Step(
            key,
            "questions",
            question.type,
            question.text(self.lang),
            question.help_nl if self.lang == "nl" else question.help_en,
            options,
            progress=self.progress() if with_progress else None,
            question=question,
        )

    # -- answering ------------------------------------------------------------------------------

    def answer(self, step: Step, raw: str) -> object:
        """Check ``raw`` against ``step`` and record it (then save). Returns the value recorded.

        Raises
        ------
        AnswerError
            With a one-line reason; nothing is recorded.
        """
        text = raw.strip()
        key = step.key
        if step.part == "assessment":
            return self._answer_assessment(key, text)
        if step.part == "targets":
            return self._answer_target(key, text, step.options)
        note = None
        if self.inline_notes and step.is_question and NOTE_MARK in text:
            # "ja # notulen MT 3 maart": the answer, then its note (docs/interview.md).
            text, _, rest = text.partition(NOTE_MARK)
            text, note = text.strip(), " ".join(rest.split()) or None
            if note is not None and not _printable_line(note):
                raise AnswerError(self.t["interview.control_chars"])
            if note is not None and len(note) > NOTE_LIMIT:
                raise AnswerError(self.t["interview.long_note"].format(n=NOTE_LIMIT))
        low = text.lower()
        if step.kind == "person":
            return self._answer_person(text, low, step)
        if step.kind == "roles":
            roles = self._parse_roles(text, step.options)
            self.people = list(self.people or [])
            self.people.append({"name": self.pending_person, "roles": roles})
            self.pending_person = None
            self.people_state = "open"
            self._save()
            return roles
        special = self._special(low) if step.allows_special else None
        if step.kind == "disc":
            index = len(self.people or ()) - 1
            if special == "onbekend" or low == "":
                self.unknown.add(f"people.{index}.disc")
                self._save()
                return "onbekend"
            if special == "nvt":
                raise AnswerError(self.t["interview.no_nvt"])
            disc = self._parse_disc(text)
            self.people[index]["disc"] = disc  # type: ignore[index]
            self._check()
            self._save()
            return disc
        if key == "organisation.name":
            if not text:
                raise AnswerError(self.t["interview.need_name"])
            if not _printable_line(text):
                raise AnswerError(self.t["interview.control_chars"])
            self.organisation["name"] = " ".join(text.split())
            self._save()
            return self.organisation["name"]
        if key in ("organisation.sector", "organisation.employees"):
            field = key.split(".")[1]
            if special == "nvt":
                raise AnswerError(self.t["interview.no_nvt"])
            if special == "onbekend":
                self.unknown.add(key)
                self.organisation.pop(field, None)
                self._save()
                return "onbekend"
            if field == "sector":
                value: object = self._parse_choice(_SECTOR_ALIASES.get(low, text), step.options)
            else:
                value = self._parse_integer(text, 0, 10_000_000)
            self.organisation[field] = value
            self.unknown.discard(key)
            self._save()
            return value
        # A question of the questionnaire.
        question = step.question
        assert question is not None
        if special is not None:
            value = special
        elif step.kind == "boolean":
            if low not in _YES:
                raise AnswerError(self._reason("interview.bad_bool", text, None if not low else did_you_mean(low, ("ja", "nee"))))
            value = _YES[low]
        elif step.kind == "integer":
            value = self._parse_integer(text, question.minimum, question.maximum)
        elif question.ordered and (bound := _at_least_text(text)) is not None:
            # "weet niet precies, maar minstens ...": an at-least answer (docs/facts.md).
            value = {"minstens": self._parse_choice(bound, step.options)}
        else:
            value = self._parse_choice(text, step.options)
        self.answers[question.id] = value
        before = self.notes.get(question.id)
        if note is not None:
            self.notes[question.id] = note
        try:
            self._check()
        except AnswerError:
            del self.answers[question.id]
            if before is None:
                self.notes.pop(question.id, None)
            else:
                self.notes[question.id] = before
            raise
        if question.id in self.history:
            self.history.remove(question.id)
        self.history.append(question.id)
        self._save()
        return value

    def back(self) -> bool:
        """Forget the last questionnaire answer of this session so it is asked again."""
        if not self.history:
            return False
        qid = self.history.pop()
        self.answers.pop(qid, None)
        self.notes.pop(qid, None)  # a note belongs to the answer it was typed with
        self._last_group = None
        self._save()
        return True

    def _answer_assessment(self, key: str, text: str) -> object:
        field = key.split(".")[1]
        low = text.lower()
        if low in _SKIP or (not text and field != "date"):
            self.unknown.add(key)
            self.assessment.pop(field, None)
            self._save()
            return None
        if not _printable_line(text):
            raise AnswerError(self.t["interview.control_chars"])
        if field == "date":
            value = self._parse_date(text)
        else:
            value = " ".join(text.split())
        self._record(self.assessment, field, value)
        self.unknown.discard(key)
        self._save()
        return value

    def _parse_date(self, text: str) -> str:
        """Enter or ``vandaag`` -> today; ``2026-03-14`` or ``14-3-2026`` -> ``2026-03-14``."""
        if text.lower() in ("", "vandaag", "today"):
            return self.today.isoformat()
        dutch = _DUTCH_DATE.fullmatch(text)
        parts = (dutch.group(3), dutch.group(2), dutch.group(1)) if dutch else text.split("-")
        try:
            if dutch is None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError(text)
            return datetime.date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
        except (ValueError, IndexError):
            raise AnswerError(self._reason("interview.bad_date", text)) from None

    def _answer_target(self, key: str, text: str, options: tuple[Option, ...]) -> object:
        pillar_id = key[len(_TARGET_PREFIX):]
        low = text.lower()
        if not text or low in _SKIP:
            self.unknown.add(key)
            self.targets.pop(pillar_id, None)
            self._save()
            return None
        plain = unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode()
        found = self._match_option(plain, options) or self._match_option(low, options)
        if found is None:
            hint = None if text.isdigit() else did_you_mean(plain, [o.id for o in options])
            raise AnswerError(self._reason("interview.bad_stage", text, hint, n=len(options)))
        number = next(s.number for s in self.kb.stages if s.id == found)
        current = next((p for p in self.pillars() if p.id == pillar_id), None)
        if current is not None and number < current.stage_min:  # stage_min is the stage when it is settled
            raise AnswerError(self.t["interview.target_below"].format(stage=self.stage_label(current)))
        self._record(self.targets, pillar_id, number)
        self.unknown.discard(key)
        self._save()
        return number

    def _record(self, table: dict[str, Any], field: str, value: Any) -> None:
        """Set ``table[field]`` if the facts stay valid; otherwise leave it as it was and refuse."""
        missing = object()
        before = table.get(field, missing)
        table[field] = value
        try:
            self._check()
        except AnswerError:
            if before is missing:
                del table[field]
            else:
                table[field] = before
            raise

    def _answer_person(self, text: str, low: str, step: Step) -> object:
        if step.allows_special and low in _UNKNOWN:
            self.people = None
            self.people_state = "done"
            self._save()
            return "onbekend"
        if low in _END_OF_LIST:
            self.people = list(self.people or [])
            self.people_state = "done"
            self._save()
            return None
        if low in _UNKNOWN or low in _NVT:
            raise AnswerError(self.t["interview.unknown_later"])
        if not _printable_line(text):
            raise AnswerError(self.t["interview.control_chars"])
        if not re.search(r"[^\W\d_]", text):  # no letter at all: a mistyped answer, not a name
            raise AnswerError(self._reason("interview.name_number", text))
        self.pending_person = " ".join(text.split())
        self.people_state = "open"
        self._save()
        return self.pending_person

    def _special(self, low: str) -> str | None:
        if low in _UNKNOWN:
            return "onbekend"
        if low in _NVT:
            return "nvt"
        return None

    def _reason(self, name: str, raw: str, hint: str | None = None, **kw: Any) -> str:
        text = self.t[name].format(raw=raw, **kw)
        if hint:
            text += f" ({self.t['errors.did_you_mean'].format(hint=hint)})"
        return text

    def _parse_integer(self, text: str, minimum: int | None, maximum: int | None) -> int:
        if not text:
            raise AnswerError(self.t["interview.give_answer"])
        plain = text.replace("_", "")
        if re.fullmatch(r"\d{1,3}([., ]\d{3})+", plain):  # 1.200, 1,200 or 1 200
            plain = re.sub(r"[., ]", "", plain)
        if not re.fullmatch(r"-?\d+", plain, re.ASCII):
            raise AnswerError(self._reason("interview.not_a_number", text))
        if len(plain.lstrip("-")) > 18:  # int() of a 5,000-digit string is a ValueError
            bound, word = (minimum, "interview.min") if plain.startswith("-") else (maximum, "interview.max")
            raise AnswerError(self.t[word].format(n=bound) if bound is not None else self._reason("interview.not_a_number", text))
        value = int(plain)
        if minimum is not None and value < minimum:
            raise AnswerError(self.t["interview.min"].format(n=minimum))
        if maximum is not None and value > maximum:
            raise AnswerError(self.t["interview.max"].format(n=maximum))
        return value

    def _match_option(self, token: str, options: tuple[Option, ...]) -> str | None:
        low = token.strip().lower()
        if low.isascii() and low.isdigit():  # '²' and '٣' are digits to isdigit(), not to int()
            n = int(low) if len(low) <= 6 else 0
            return options[n - 1].id if 1 <= n <= len(options) else None
        for option in options:
            if low in (option.id.lower(), option.label.lower()):
                return option.id
        prefixed = [o.id for o in options if len(low) >= 3 and o.id.startswith(low.replace(" ", "_"))]
        return prefixed[0] if len(prefixed) == 1 else None

    def _parse_choice(self, text: str, options: tuple[Option, ...]) -> str:
        if not text:
            raise AnswerError(self.t["interview.give_answer"])
        found = self._match_option(text, options)
        if found is None:
            hint = None if text.isdigit() else did_you_mean(text.lower(), [o.id for o in options])
            raise AnswerError(self._reason("interview.bad_choice", text, hint, n=len(options)))
        return found

    def _parse_roles(self, text: str, options: tuple[Option, ...]) -> list[str]:
        tokens = [t for t in re.split(r"[,;\s]+", text) if t]
        if not tokens:
            raise AnswerError(self.t["interview.need_role"].format(n=len(options)))
        roles: list[str] = []
        for token in tokens:
            found = self._match_option(token, options)
            if found is None:
                hint = None if token.isdigit() else did_you_mean(token.lower(), [o.id for o in options])
                raise AnswerError(self._reason("interview.bad_role", token, hint, n=len(options)))
            if found in roles:
                raise AnswerError(self._reason("interview.role_twice", token))
            roles.append(found)
        return roles

    def _parse_disc(self, text: str) -> list[str] | dict[str, float]:
        compact = text.strip()
        if re.fullmatch(r"[DISC]{1,4}", compact.upper()):  # letters, strongest first: "SC"
            letters = [_DISC_LETTER[ch] for ch in compact.upper()]
            if len(set(letters)) != len(letters):
                raise AnswerError(self._reason("interview.disc_twice", compact))
            return letters
        numbers = re.findall(r"\d+(?:[.,]\d+)?", compact)
        if numbers:
            # Scores: "20 35 80 60" (in D I S C order) or "rood=20 geel=35 ..." / "D20 I35 ...".
            pairs = re.findall(r"([A-Za-z]+)\s*[=:]?\s*(\d+(?:[.,]\d+)?)", compact)
            scores: dict[str, float] = {}
            if pairs and len(pairs) == len(numbers):
                for word, number in pairs:
                    colour = _DISC_WORDS.get(word.lower())
                    if colour is None:
                        raise AnswerError(self._reason("interview.bad_disc", word))
                    if colour in scores:
                        raise AnswerError(self._reason("interview.disc_twice", word))
                    scores[colour] = self._score(number)
            elif not pairs and len(numbers) == 4 and not re.search(r"[A-Za-z]", compact):
                scores = {c: self._score(n) for c, n in zip(DISC_COLOURS, numbers)}
            else:
                raise AnswerError(self._reason("interview.bad_disc", text))
            if set(scores) != set(DISC_COLOURS):
                missing = ", ".join(self._colour(c) for c in DISC_COLOURS if c not in scores)
                raise AnswerError(self.t["interview.disc_missing"].format(missing=missing))
            return {c: scores[c] for c in DISC_COLOURS}
        words = [w for w in re.split(r"[,;/\s]+", compact.lower()) if w]
        colours: list[str] = []
        for word in words:
            colour = _DISC_WORDS.get(word)
            if colour is None:
                raise AnswerError(self._reason("interview.bad_disc", word, did_you_mean(word, list(_DISC_WORDS)[:8])))
            if colour in colours:
                raise AnswerError(self._reason("interview.disc_twice", word))
            colours.append(colour)
        if not colours:
            raise AnswerError(self._reason("interview.bad_disc", text))
        return colours

    def _colour(self, colour: str) -> str:
        if self.lang == "nl":
            return colour
        return {"rood": "red", "geel": "yellow", "groen": "green", "blauw": "blue"}[colour]

    def _score(self, number: str) -> float | int:
        value = float(number.replace(",", "."))
        if not 0 <= value <= 100:
            raise AnswerError(self._reason("interview.disc_range", number))
        return int(value) if value.is_integer() else value

    def _check(self) -> None:
        """Validate the facts as the facts-file loader would; a refusal becomes an AnswerError."""
        try:
            self.facts()
        except InputError as exc:
            raise AnswerError(exc.message) from None

    # -- saving ---------------------------------------------------------------------------------

    def render(self, shown_path: str | None = None) -> str:
        """The facts file text: a comment header, the state line, then the facts as YAML."""
        t = self.t
        file = shlex.quote(shown_path or (str(self.path) if self.path else "FILE"))
        if self.lang != "nl":
            file += f" --lang {self.lang}"
        name = self.organisation.get("name", "?")
        # Names and paths are data: each comment stays one line whatever characters they hold, and
        # the state line is ASCII (json escapes everything), so the file always loads and resumes.
        lines = [f"# {_comment(t['interview.header'].format(name=name))}"]
        lines.append(f"# {t['interview.header_done']}" if self.finished else f"# {_comment(t['interview.header_busy'].format(file=file))}")
        lines.append(f"# {_comment(t['interview.header_assess'].format(file=file))}")
        lines.append(STATE_MARK + json.dumps(self.state(), ensure_ascii=True, sort_keys=True))
        data = self.facts().to_dict() if "name" in self.organisation else self.data()
        body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
        return "\n".join(lines) + "\n" + body

    def save(self, path: str | Path | None = None) -> Path | None:
        """Write the facts file atomically (a temporary file in the same folder, then os.replace)."""
        target = Path(path) if path is not None else self.path
        if target is None or "name" not in self.organisation:
            return None
        atomic_write(self.render(str(target)), target)
        return target

    def _save(self) -> None:
        self._live = None
        if self.path is not None:
            self.save()

    # -- helpers for the front end ----------------------------------------------------------------

    def stage_label(self, pillar: PillarResult) -> str:
        return stage_text(pillar.stage, pillar.at_least, stage_names(self.kb), self.lang)


class _Dumper(yaml.SafeDumper):
    """Plain YAML, with short lists of values (roles, DISC colours) on one line."""


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    flow = all(not isinstance(v, (dict, list)) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # A text with a control character or a line/paragraph separator in it goes double-quoted,
    # where every such character is escaped (\N, \L, \e, ...): in a plain or single-quoted
    # scalar YAML would fold NEL, LS and PS into spaces and the text would not come back as typed.
    style = '"' if not _printable_line(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(list, _list)
_Dumper.add_representer(str, _str)


def is_help(raw: str) -> bool:
    return raw.strip().lower() in _HELP


def is_back(raw: str) -> bool:
    return raw.strip().lower() in _BACK

