"""The one message table: every help text and error message, Dutch and English side by side.

``t(key, **params)`` returns the message of ``key`` in the current language with ``params`` filled in
(``str.format`` placeholders; the placeholders of the Dutch and the English text are the same, a test
checks it). The current language is a context variable: the CLI sets it from ``--lang``; without it,
``ZORGADVIES_LANG``, else the locale (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``: a value
starting with ``en`` means English); Dutch by default. Library errors are raised with ``t(...)``, so
their text is in the language current at the time they are raised.

Keys are grouped by the module that uses them (``facts.``, ``safeio.``, ``cli.``...); ``click.`` keys
translate click's own strings (their English text is click's msgid, see zorgadvies/cli/lang.py).
No text lives anywhere else: a key that no module uses is an error (tests/test_messages.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar, Token

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANG_ENV",
    "MESSAGES",
    "current_language",
    "resolve_language",
    "set_language",
    "t",
    "using_language",
]

#: The languages of every message, in the order of the pairs in MESSAGES.
LANGUAGES = ("nl", "en")

DEFAULT_LANGUAGE = "nl"

#: Environment variable that chooses the language when --lang is not given (before the locale).
LANG_ENV = "ZORGADVIES_LANG"

#: The locale variables, in the order POSIX consults them for messages.
_LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")

_CURRENT: ContextVar[str | None] = ContextVar("zorgadvies_language", default=None)


def _language_of(value: str) -> str:
    return "en" if value.strip().lower().startswith("en") else "nl"


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to use: ``explicit`` (``--lang``), else $ZORGADVIES_LANG, else the locale, else Dutch."""
    if explicit:
        return _language_of(explicit)
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip()
    if chosen:
        return _language_of(chosen)
    for name in _LOCALE_ENV:
        value = env.get(name, "").strip()
        if value:  # the first one set decides, as for every POSIX program
            return _language_of(value)
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language set for this context, or the one the environment chooses."""
    return _CURRENT.get() or resolve_language()


def set_language(lang: str | None) -> Token[str | None]:
    """Set the language of this context (``None``: back to the environment's choice)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return _CURRENT.set(lang)


@contextmanager
def using_language(lang: str | None) -> Iterator[str]:
    """Run a block in ``lang``; the previous language is restored afterwards."""
    token = set_language(lang)
    try:
        yield current_language()
    finally:
        _CURRENT.reset(token)


def t(key: str, **params: object) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    nl, en = MESSAGES[key]
    text = en if current_language() == "en" else nl
    return text.format(**params) if params else text


#: key -> (Dutch, English). Dutch addresses the reader as "u", as the interview and the reports do.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors.py -------------------------------------------------------------------------------
    "errors.did_you_mean": ("bedoelde u '{hint}'?", "did you mean '{hint}'?"),
    # --- zorgadvies/interview.py and zorgadvies/cli/interview.py: the interview ------------------
    "interview.name": ("Naam van de organisatie", "Name of the organisation"),
    "interview.name_help": (
        "De naam zoals die in het advies moet staan.",
        "The name as it should appear in the advice.",
    ),
    "interview.sector": ("Sector", "Sector"),
    "interview.sector_help": (
        "De sector waarin de organisatie vooral werkt. Kies 'overig' als geen ervan past.",
        "The sector the organisation mainly works in. Choose 'other' if none fits.",
    ),
    "interview.employees": ("Aantal medewerkers", "Number of employees"),
    "interview.employees_help": (
        "Het aantal medewerkers (personen, geen fte). Vanaf 250 telt een organisatie als groot; sommige adviezen verschillen voor kleine en grote organisaties.",
        "The number of employees (people, not FTE). From 250 an organisation counts as large; some advice differs for small and large organisations.",
    ),
    "interview.person": ("Naam van persoon {n}", "Name of person {n}"),
    "interview.person_help": (
        "Noem de mensen met een rol in innovatie, implementatie of marketing, in elk geval wie Hoofd Innovatie of Hoofd Implementatie is. Druk op Enter als er niemand meer is. Bij de eerste persoon betekent 'onbekend': we weten niet wie welke rol heeft.",
        "Name the people with a role in innovation, implementation or marketing, at least whoever is Head of Innovation or Head of Implementation. Press Enter when there is nobody else. For the first person, 'unknown' means: we do not know who holds which role.",
    ),
    "interview.roles": ("Rollen van {name}", "Roles of {name}"),
    "interview.roles_help": (
        "Een of meer nummers of namen, gescheiden door komma's of spaties, bijvoorbeeld: 1, 5.",
        "One or more numbers or names, separated by commas or spaces, for example: 1, 5.",
    ),
    "interview.disc": ("DISC-profiel van {name}", "DISC profile of {name}"),
    "interview.disc_help": (
        "Kleuren, sterkste eerst (groen, blauw), letters (SC) of de vier scores uit een DISC-rapport in de volgorde D I S C (20 35 80 60, of rood=20 geel=35 groen=80 blauw=60). Rood = D, geel = I, groen = S, blauw = C. Enter of 'onbekend' als het profiel niet bekend is.",
        "Colours, strongest first (green, blue), letters (SC) or the four scores of a DISC report in the order D I S C (20 35 80 60, or red=20 yellow=35 green=80 blue=60). Red = D, yellow = I, green = S, blue = C. Enter or 'unknown' if the profile is not known.",
    ),
    "interview.give_answer": ("geef een antwoord (of onbekend / nvt)", "give an answer (or unknown / n/a)"),
    "interview.not_a_number": ("'{raw}' is geen heel getal", "'{raw}' is not a whole number"),
    "interview.min": ("het antwoord is minstens {n}", "the answer is at least {n}"),
    "interview.max": ("het antwoord is hoogstens {n}", "the answer is at most {n}"),
    "interview.bad_choice": (
        "'{raw}' is geen van de keuzes: typ een nummer van 1 tot {n}",
        "'{raw}' is not one of the choices: type a number from 1 to {n}",
    ),
    "interview.bad_bool": (
        "'{raw}' is geen ja of nee: typ ja, nee, onbekend of nvt",
        "'{raw}' is not yes or no: type yes, no, unknown or n/a",
    ),
    "interview.no_nvt": (
        "'nvt' past hier niet; typ 'onbekend' als u het niet weet",
        "'n/a' does not fit here; type 'unknown' if you do not know",
    ),
    "interview.need_name": ("de naam mag niet leeg zijn", "the name cannot be empty"),
    "interview.control_chars": (
        "dit bevat een stuurteken (een pijltjestoets?); typ het opnieuw",
        "this holds a control character (an arrow key?); type it again",
    ),
    "interview.need_role": (
        "kies minstens één rol: typ een of meer nummers van 1 tot {n}",
        "choose at least one role: type one or more numbers from 1 to {n}",
    ),
    "interview.bad_role": (
        "'{raw}' is geen rol: typ nummers van 1 tot {n} of de namen uit de lijst",
        "'{raw}' is not a role: type numbers from 1 to {n} or the names in the list",
    ),
    "interview.role_twice": ("rol '{raw}' staat er twee keer in", "role '{raw}' is given twice"),
    "interview.unknown_later": (
        "typ een naam, of druk op Enter als er niemand meer is",
        "type a name, or press Enter when there is nobody else",
    ),
    "interview.name_number": (
        "'{raw}' is een getal, geen naam: typ de naam van de persoon",
        "'{raw}' is a number, not a name: type the person's name",
    ),
    "interview.bad_disc": (
        "'{raw}' is geen DISC-profiel: typ kleuren (groen, blauw), letters (SC) of vier scores (D I S C)",
        "'{raw}' is not a DISC profile: type colours (green, blue), letters (SC) or four scores (D I S C)",
    ),
    "interview.disc_twice": ("kleur '{raw}' staat er twee keer in", "colour '{raw}' is given twice"),
    "interview.disc_missing": (
        "een DISC-rapport geeft alle vier de scores; ontbreekt: {missing}",
        "a DISC report gives all four scores; missing: {missing}",
    ),
    "interview.disc_range": (
        "een DISC-score ligt tussen 0 en 100, niet {raw}",
        "a DISC score lies between 0 and 100, not {raw}",
    ),
    "interview.no_back": (
        "terug kan alleen naar een vraag uit de vragenlijst die u in deze sessie beantwoordde",
        "'back' only returns to a questionnaire question answered in this session",
    ),
    "interview.part": ("Deel {n} van {total} — {name}", "Part {n} of {total} — {name}"),
    "interview.part_assessment": ("Het gesprek", "The conversation"),
    "interview.part_organisation": ("De organisatie", "The organisation"),
    "interview.part_people": ("Mensen en rollen", "People and roles"),
    "interview.part_questions": ("Vragenlijst", "Questionnaire"),
    "interview.part_targets": ("Doelen", "Targets"),
    "interview.assessment.date": ("Datum van het gesprek", "Date of the conversation"),
    "interview.assessment.date_help": (
        "De datum van dit assessment, zoals die op het voorblad van het rapport komt: JJJJ-MM-DD (2026-03-14) of DD-MM-JJJJ (14-3-2026). Enter neemt de datum van vandaag; '-' laat de datum weg.",
        "The date of this assessment, as it appears on the report's cover: YYYY-MM-DD (2026-03-14) or DD-MM-YYYY (14-3-2026). Enter takes today's date; '-' leaves the date out.",
    ),
    "interview.assessment.consultant": ("Consultant", "Consultant"),
    "interview.assessment.consultant_help": (
        "Wie het assessment leidt (uw naam). Enter slaat de vraag over.",
        "Who leads the assessment (your name). Enter skips the question.",
    ),
    "interview.assessment.client_contact": ("Contactpersoon bij de klant", "Contact person at the client"),
    "interview.assessment.client_contact_help": (
        "De contactpersoon van de organisatie voor dit assessment. Enter slaat de vraag over.",
        "The organisation's contact person for this assessment. Enter skips the question.",
    ),
    "interview.assessment.round": ("Naam van de ronde", "Name of the round"),
    "interview.assessment.round_help": (
        "Bijvoorbeeld 'nulmeting 2026' of 'herhaalmeting voorjaar'. Enter slaat de vraag over.",
        "For example 'baseline 2026' or 'spring re-assessment'. Enter skips the question.",
    ),
    "interview.target": ("Doel voor {pillar}", "Target for {pillar}"),
    "interview.target_now": ("Doel voor {pillar} (nu: {stage})", "Target for {pillar} (now: {stage})"),
    "interview.target_help": (
        "Het stadium dat de organisatie voor deze pijler wil bereiken: een nummer (1-4) of de naam (geïnitieerd, gedefinieerd, georganiseerd, geoptimaliseerd). Enter: geen doel.",
        "The stage the organisation wants to reach in this pillar: a number (1-4) or the name (initiated, defined, organised, optimised; the Dutch names work too). Enter: no target.",
    ),
    "interview.bad_date": (
        "'{raw}' is geen datum: typ JJJJ-MM-DD of DD-MM-JJJJ (Enter = vandaag, - = geen datum)",
        "'{raw}' is not a date: type YYYY-MM-DD or DD-MM-YYYY (Enter = today, - = no date)",
    ),
    "interview.bad_stage": (
        "'{raw}' is geen stadium: typ een nummer van 1 tot {n} of de naam van het stadium",
        "'{raw}' is not a stage: type a number from 1 to {n} or the stage's name",
    ),
    "interview.target_below": (
        "het doel ligt onder het stadium dat de organisatie al heeft ({stage}); typ een hoger stadium of Enter voor geen doel",
        "the target lies below the stage the organisation already has ({stage}); type a higher stage or Enter for no target",
    ),
    "interview.long_note": (
        "de toelichting is te lang (hoogstens {n} tekens)",
        "the note is too long (at most {n} characters)",
    ),
    "interview.header": (
        "Feitenbestand van 'zorgadvies interview' voor {name}.",
        "Facts file of 'zorgadvies interview' for {name}.",
    ),
    "interview.header_busy": (
        "Nog niet klaar; verder gaan met: zorgadvies interview --resume {file}",
        "Not finished yet; to continue: zorgadvies interview --resume {file}",
    ),
    "interview.header_done": ("Het interview is afgerond.", "The interview is finished."),
    "interview.header_assess": ("Het advies: zorgadvies assess {file}", "The advice: zorgadvies assess {file}"),
    "interview.cli.intro": (
        "zorgadvies interview — een feitenbestand opbouwen, vraag voor vraag.",
        "zorgadvies interview — building a facts file, question by question.",
    ),
    "interview.cli.keys": (
        "Typ ? voor uitleg bij een vraag, onbekend als u het antwoord niet weet, nvt als de vraag niet van toepassing is en terug om de vorige vraag opnieuw te beantwoorden. Een toelichting (waarop het antwoord berust, bijvoorbeeld een document) typt u achter het antwoord na een #: ja # notulen MT 3 maart. Elk antwoord wordt meteen opgeslagen; u kunt altijd stoppen met Ctrl-C en later verdergaan.",
        "Type ? for an explanation of a question, unknown if you do not know the answer, n/a if the question does not apply and back to answer the previous question again. A note (what the answer rests on, for example a document) goes after the answer, behind a #: yes # minutes board 3 March. Every answer is saved at once; you can stop at any time with Ctrl-C and continue later.",
    ),
    "interview.cli.saving": ("Antwoorden worden opgeslagen in {file}.", "Answers are saved in {file}."),
    "interview.cli.saving_default": ("Antwoorden worden opgeslagen in {file}.", "Answers are saved in {file}."),
    "interview.cli.resumed": (
        "Verder met {file}: {answered} vragen van de vragenlijst zijn al beantwoord.",
        "Continuing {file}: {answered} questions of the questionnaire are already answered.",
    ),
    "interview.cli.exists": (
        "bestaat al; ga verder met --resume {file} of kies een ander bestand met --out",
        "already exists; continue it with --resume {file} or choose another file with --out",
    ),
    "interview.cli.answer": ("Antwoord", "Answer"),
    "interview.cli.choice_hint": ("1-{n}, onbekend, nvt, ?", "1-{n}, unknown, n/a, ?"),
    "interview.cli.bool_hint": ("ja/nee, onbekend, nvt, ?", "yes/no, unknown, n/a, ?"),
    "interview.cli.int_hint": ("getal, onbekend, nvt, ?", "number, unknown, n/a, ?"),
    "interview.cli.sector_hint": ("1-{n}, onbekend, ?", "1-{n}, unknown, ?"),
    "interview.cli.employees_hint": ("getal, onbekend, ?", "number, unknown, ?"),
    "interview.cli.person_first_hint": (
        "Enter = niemand, onbekend = weet niet, ?",
        "Enter = nobody, unknown = do not know, ?",
    ),
    "interview.cli.person_hint": ("Enter = geen personen meer", "Enter = no more people"),
    "interview.cli.roles_hint": ("nummers, bv. 1, 5", "numbers, e.g. 1, 5"),
    "interview.cli.disc_hint": ("Enter = onbekend, ? = uitleg", "Enter = unknown, ? = explanation"),
    "interview.cli.date_hint": ("Enter = {today}, - = geen datum", "Enter = {today}, - = no date"),
    "interview.cli.text_hint": ("Enter = overslaan", "Enter = skip"),
    "interview.cli.stage_hint": ("1-{n} of naam, Enter = geen doel, ?", "1-{n} or name, Enter = no target, ?"),
    "interview.cli.noted": ("  Toelichting opgeslagen.", "  Note saved."),
    "interview.cli.target_done": ("doel {stage}", "target {stage}"),
    "interview.cli.lead_assessment": (
        "Deze gegevens komen op het voorblad van het rapport. Druk op Enter om een vraag over te slaan.",
        "These details go on the cover of the report. Press Enter to skip a question.",
    ),
    "interview.cli.lead_targets": (
        "Welk stadium wil de organisatie per pijler bereiken? Het doel staat in het radardiagram en in het rapport naast het huidige stadium. Enter: geen doel voor die pijler.",
        "Which stage does the organisation want to reach per pillar? The target is drawn in the radar chart and shown in the report beside the current stage. Enter: no target for that pillar.",
    ),
    "interview.cli.back": ("Terug naar de vorige vraag.", "Back to the previous question."),
    "interview.cli.no_holders": (
        "Niemand in de lijst heeft de rol Hoofd Innovatie of Hoofd Implementatie; of die rollen er zijn, vragen we apart.",
        "Nobody in the list holds the role Head of Innovation or Head of Implementation; whether those roles exist is asked separately.",
    ),
    "interview.cli.people_unknown": ("De mensen en rollen blijven onbekend.", "People and roles stay unknown."),
    "interview.cli.interrupted": (
        "Onderbroken. Alles tot nu toe is opgeslagen in {file}.",
        "Interrupted. Everything so far is saved in {file}.",
    ),
    "interview.cli.continue": ("Verder gaan:  {cmd}", "To continue:  {cmd}"),
    "interview.cli.nothing_saved": (
        "Onderbroken vóór de naam van de organisatie; er is niets opgeslagen.",
        "Interrupted before the organisation's name; nothing was saved.",
    ),
    "interview.cli.done": (
        "Klaar: {answered} vragen beantwoord{unknown}; de andere {skipped} konden de uitkomst niet meer veranderen.",
        "Done: {answered} questions answered{unknown}; the other {skipped} could no longer change the outcome.",
    ),
    "interview.cli.done_all": (
        "Klaar: alle {answered} vragen beantwoord{unknown}.",
        "Done: all {answered} questions answered{unknown}.",
    ),
    "interview.cli.unknown_count": (" ({n} met onbekend)", " ({n} as unknown)"),
    "interview.cli.undetermined": (
        "Een stadium is onbepaald zolang vragen die het beslechten onbekend zijn; het volledige advies noemt ze. Weet u die antwoorden later, vul ze dan in het bestand in.",
        "A stage stays undetermined while questions that settle it are unknown; the full advice names them. Fill them in in the file when you know the answers.",
    ),
    "interview.cli.saved": ("Opgeslagen in {file}.", "Saved in {file}."),
    "interview.cli.summary": ("Ontwikkelstadium per pijler", "Development stage per pillar"),
    "interview.cli.full": (
        "Het volledige advies — waarom elk stadium, wat nodig is voor het volgende en {n} aanbevelingen:",
        "The full advice — why each stage, what the next one needs and {n} recommendations:",
    ),
    "interview.cli.lead_people": (
        "Noem wie een rol heeft bij innovatie, implementatie of marketing, in elk geval wie Hoofd Innovatie of Hoofd Implementatie is. Voor die twee rollen volgt het DISC-profiel: als kleuren, sterkste eerst (groen, blauw), als letters (SC) of als de vier scores D I S C (20 35 80 60).",
        "Name who has a role in innovation, implementation or marketing, at least whoever is Head of Innovation or Head of Implementation. For those two roles the DISC profile follows: as colours, strongest first (green, blue), as letters (SC) or as the four scores D I S C (20 35 80 60).",
    ),
    "interview.cli.lead_questions": (
        "Vragen die de uitkomst niet meer kunnen veranderen, worden overgeslagen; het aantal na ≈ is daarom een bovengrens die onderweg kleiner wordt.",
        "Questions that can no longer change the outcome are skipped; the number after ≈ is therefore an upper bound that shrinks as you go.",
    ),
    "interview.quick.intro": (
        "Snelle scan: na de organisatie en de mensen ten hoogste {n} vragen, genoeg voor een schatting van alle zes pijlers en een eerste advies.",
        "Quick scan: after the organisation and the people at most {n} questions, enough for an estimate of all six pillars and a first advice.",
    ),
    "interview.quick.done": (
        "Snelle scan klaar: {answered} vragen beantwoord{unknown}.",
        "Quick scan done: {answered} questions answered{unknown}.",
    ),
    "interview.quick.estimate": ("schatting", "estimate"),
    "interview.quick.basis_criteria": ("op grond van de criteria", "from the criteria"),
    "interview.quick.basis_zelfinschatting": ("eigen inschatting", "self-placement"),
    "interview.quick.basis_onbepaald": ("onbepaald", "undetermined"),
    "interview.quick.bounds": ("minstens {low}, hoogstens {high}", "at least {low}, at most {high}"),
    "interview.quick.focus": ("Nu aan de slag", "Get started"),
    "interview.quick.more": (
        "Het volledige interview gaat verder waar de snelle scan ophield:",
        "The full interview continues where the quick scan stopped:",
    ),
    "interview.quick.full": ("Het advies met alle {n} aanbevelingen:", "The advice with all {n} recommendations:"),
    "interview.unknown_step": ("onbekende vraag '{key}'", "unknown question '{key}'"),
    "interview.cannot_read": ("kan het bestand niet lezen ({reason})", "cannot read ({reason})"),
    "cli.interview": (
        "Bouw een feitenbestand op door vragen te beantwoorden; na elk antwoord opgeslagen.\n\n"
        "Eerst de gegevens van het gesprek (datum, consultant, contactpersoon, ronde), dan de organisatie, de "
        "mensen en de vragen die een conclusie nog kunnen veranderen, tot slot het doel per pijler. Antwoord ? "
        "voor uitleg, onbekend of nvt; een toelichting volgt het antwoord na een # (ja # notulen MT). Ctrl-C "
        "stopt, --resume FILE gaat verder. --quick stelt alleen de snelle scan (docs/interview.md).",
        "Build a facts file by answering questions; saved after every answer.\n\n"
        "First the details of the conversation (date, consultant, contact person, round), then the organisation, "
        "the people and the questions that can still change a conclusion, last the target per pillar. Answer ? "
        "for an explanation, unknown or n/a; a note follows the answer after a # (yes # board minutes). Ctrl-C "
        "stops, --resume FILE continues. --quick asks only the quick scan (docs/interview.md).",
    ),
    "cli.interview.out": (
        "Sla het feitenbestand hier op (standaard: ./interview-<naam>.yaml).",
        "Save the facts file here (default: ./interview-<name>.yaml).",
    ),
    "cli.interview.resume": ("Ga verder met een eerder interview dat in dit bestand staat.", "Continue an earlier interview saved in this file."),
    "cli.interview.quick": (
        "Snelle scan: ten hoogste 15 vragen voor een schatting van alle pijlers en een eerste advies.",
        "Quick scan: at most 15 questions for estimates of all pillars and a first advice.",
    ),
    # --- cli: help of the commands and their options (zorgadvies/cli/lang.py shows them) ----------
    "cli.main": (
        "Uitlegbaar advies voor zorgorganisaties over het organiseren van innovatie en marketing.",
        "Explainable advice for care organisations on organising innovation and marketing.",
    ),
    "cli.main.max_input_mb": (
        "Grootste feitenbestand dat gelezen wordt, in MB (standaard {max_mb}; ook ${max_env}).",
        "Largest facts file to read, in MB (default {max_mb}; also ${max_env}).",
    ),
    "cli.opt.lang": (
        "Taal van uitvoer, hulp en meldingen: nl of en. Zonder --lang is de uitvoer Nederlands en "
        "volgen hulp en meldingen ${lang_env}, anders de locale (LC_ALL, LC_MESSAGES, LANG).",
        "Language of the output, help and messages: nl or en. Without --lang the output is Dutch and "
        "help and messages follow ${lang_env}, else the locale (LC_ALL, LC_MESSAGES, LANG).",
    ),
    "cli.opt.messages_lang": (
        "Taal van hulp en meldingen: nl of en (zonder --lang: ${lang_env}, anders de locale).",
        "Language of help and messages: nl or en (without --lang: ${lang_env}, else the locale).",
    ),
    "cli.opt.output": ("Schrijf naar dit bestand in plaats van af te drukken.", "Write to this file instead of printing."),
    "cli.opt.size_threshold": (
        "Aantal medewerkers vanaf waar een organisatie 'groot' is.",
        "Employees from which an organisation is 'groot'.",
    ),
    "cli.opt.rules": (
        "Extra map met een regelpakket, naast het ingebouwde pakket (herhaalbaar).",
        "Extra rule-pack folder to load beside the built-in pack (repeatable).",
    ),
    "cli.opt.set": ("Wijzig eerst een antwoord (herhaalbaar).", "Change an answer first (repeatable)."),
    "cli.assess": (
        "Beoordeel de organisatie die in FILE beschreven is (YAML of JSON).",
        "Assess the organisation described in FILE (YAML or JSON).",
    ),
    "cli.assess.brief": ("Tekstuitvoer zonder het bewijs per pijler.", "Text output without the evidence per pillar."),
    "cli.assess.all": (
        "Tekstuitvoer met alle aanbevelingen, niet alleen de belangrijkste.",
        "Text output with every recommendation, not only the top.",
    ),
    "cli.assess.set": (
        "Wat-als: wijzig een antwoord en toon wat er verandert (herhaalbaar).",
        "What-if: change an answer and show what changes (repeatable).",
    ),
    "cli.assess.audit_log": (
        "Schrijf elke regel die vuurt en de digest van de invoer naar dit JSON-lines-bestand.",
        "Write every rule firing and the input's digest to this JSON-lines file.",
    ),
    "cli.assess.audit_key": (
        "Onderteken het auditlog met de HMAC-SHA256-sleutel in dit bestand (zie docs/auditor-guide.md).",
        "Sign the audit log with the HMAC-SHA256 key in this file (see docs/auditor-guide.md).",
    ),
    "cli.assess.save": ("Leg de beoordeling vast in de historiedatabase.", "Record the assessment in the history database."),
    "cli.assess.db": (
        "Historiedatabase (standaard: in de gegevensmap van de gebruiker).",
        "History database (default: in the user's data directory).",
    ),
    "cli.graph": (
        "Druk de afhankelijkheidsgraaf van de aanbevelingen af.\n\n"
        "Zonder FILE de hele kennisgraaf; met FILE dezelfde graaf met de aanbevelingen die voor die "
        "organisatie gelden gemarkeerd (en genummerd naar rang).",
        "Print the recommendation dependency graph.\n\n"
        "Without FILE the whole knowledge graph; with FILE the same graph with the recommendations that "
        "apply to that organisation marked (and numbered by rank).",
    ),
    "cli.schema": (
        "Druk het JSON Schema van een feitenbestand af (of, met --kind output, van het JSON-rapport).",
        "Print the JSON Schema of a facts file (or, with --kind output, of the JSON report).",
    ),
    "cli.schema.kind": ("Het feitenbestand (input) of het JSON-rapport (output).", "The facts file (input) or the JSON report (output)."),
    "cli.explain": (
        "Leg uit waarom ID wel (of niet) geldt voor de organisatie in FILE.\n\n"
        "ID is een pijler (innovatie), een aanbeveling (visie-formuleren), een reflectievraag of een regel.",
        "Explain why (or why not) ID applies to the organisation in FILE.\n\n"
        "ID is a pillar (innovatie), a recommendation (visie-formuleren), a reflection question or a rule.",
    ),
    "cli.path": (
        "De minste antwoorden die PILLAR naar stadium TARGET brengen, en de aanbevelingen onderweg.",
        "The fewest answers that bring PILLAR to stage TARGET, and the recommendations on the way.",
    ),
    "cli.path.pillar": ("Pijler-id, bijvoorbeeld innovatie.", "Pillar id, e.g. innovatie."),
    "cli.path.target": ("Te bereiken stadium (1-4).", "Stage to reach (1-4)."),
    "cli.replay": (
        "Voer de beoordeling uit een auditlog LOG opnieuw uit en bevestig de uitkomst (exitcode 1 bij verschil).\n\n"
        "Eerst wordt elke digest in het log gecontroleerd; met --audit-key ook de handtekening. Een log "
        "dat een controle niet doorstaat wordt geweigerd (exitcode 2). Zie docs/auditor-guide.md voor "
        "wat elke modus bewijst.",
        "Re-run the assessment recorded in an audit LOG and confirm the result (exit 1 if it differs).\n\n"
        "Every digest in the log is checked first; with --audit-key also its signature. A log that "
        "fails a check is refused (exit 2). See docs/auditor-guide.md for what each mode proves.",
    ),
    "cli.replay.audit_key": (
        "Controleer de HMAC-SHA256-handtekening van het log met de sleutel in dit bestand.",
        "Verify the log's HMAC-SHA256 signature with the key in this file.",
    ),
    "cli.report": (
        "Schrijf het rapport over de organisatie in FILE als HTML, Markdown of PDF.\n\n"
        "Standaard het klantrapport: een managementsamenvatting, een deel per pijler, de routekaart en de "
        "reflectievragen, zonder regel-id's of digests; --audit voegt het auditspoor toe. Het HTML-rapport "
        "is één zelfstandig bestand (CSS, SVG-radar en logo ingebed) dat goed naar PDF afdrukt. Een "
        "Markdown-rapport dat met -o geschreven wordt krijgt zijn radar als OUT-radar.svg ernaast; naar "
        "stdout wordt de radar als data:-URI ingebed. PDF (-o FILE.pdf of --format pdf) vraagt de "
        "optionele extra: pip install 'zorgadvies[pdf]'. Zonder -o op een terminal gaan HTML en PDF naar "
        "rapport-<organisatie>.html/.pdf in de huidige map (nooit over een bestaand bestand).",
        "Write the report on the organisation in FILE as HTML, Markdown or PDF.\n\n"
        "By default the client report: a management summary, a part per pillar, the roadmap and the "
        "reflection questions, without rule ids or digests; --audit adds the audit trail. The HTML "
        "report is one self-contained file (inline CSS, SVG radar, the logo as a data: URI) that prints "
        "well to PDF. A Markdown report written with -o gets its radar as OUT-radar.svg beside it; "
        "printed to stdout, the radar is embedded as a data: URI instead. PDF (-o FILE.pdf or --format "
        "pdf) needs the optional extra: pip install 'zorgadvies[pdf]'. Without -o on a terminal, HTML and "
        "PDF go to rapport-<organisation>.html/.pdf in the current folder (never over an existing file).",
    ),
    "cli.report.format": (
        "Rapportformaat. Standaard: volgens de extensie van --output (.md: markdown, .pdf: pdf), anders html.",
        "Report format. Default: from the suffix of --output (.md: markdown, .pdf: pdf), else html.",
    ),
    "cli.report.audit": (
        "Voeg het auditspoor toe: bewijs, regel- en vraag-id's, kennisversie en digest.",
        "Add the audit trail: evidence, rule and question ids, knowledge version and digest.",
    ),
    "cli.report.template": (
        "Map met templates die de ingebouwde templates met dezelfde naam vervangen.",
        "Folder with templates that replace the built-in ones of the same name.",
    ),
    "cli.report.logo": ("Logo (PNG, JPEG of SVG) op de voorkant van het HTML-rapport.", "Logo (PNG, JPEG or SVG) on the cover of the HTML report."),
    "cli.report.accent": ("Accentkleur van het HTML-rapport, als #rrggbb.", "Accent colour of the HTML report, as #rrggbb."),
    "cli.report.intro": (
        "Tekstbestand met de inleiding van de managementsamenvatting.",
        "Text file with the introduction of the management summary.",
    ),
    "cli.report.previous": (
        "Teken de vorige beoordeling uit de historie op de radar.",
        "Draw the previous assessment from the history on the radar.",
    ),
    "cli.report.db": (
        "Historiedatabase voor --previous (standaard: zie docs/tracking.md).",
        "History database for --previous (default: see docs/tracking.md).",
    ),
    "cli.rules": (
        "Toon, controleer, test en meet de dekking van regelpakketten.\n\n"
        "Elk commando leest het ingebouwde pakket plus de extra pakketten van --rules (of DIR).",
        "List, show, validate, test and measure the coverage of rule packs.\n\n"
        "Every command reads the built-in pack plus the extra packs given with --rules (or as DIR).",
    ),
    "cli.rules.list": (
        "Toon elke regel: id, status, conclusie en titel, gesorteerd op id.",
        "List every rule: id, status, conclusion and title, sorted by id.",
    ),
    "cli.rules.criteria": (
        "Druk docs/stage-criteria.md af: elke stadiumdrempel van het ingebouwde pakket met de bronzin.",
        "Print docs/stage-criteria.md: every stage gate of the built-in pack with its source sentence.",
    ),
    "cli.rules.criteria.output": (
        "Schrijf naar dit bestand (standaard: standaarduitvoer).",
        "Write to this file (default: standard output).",
    ),
    "cli.rules.show": (
        "Toon regel ID in woorden: kop, bronnen, voorwaarden, conclusie en cases.\n\n"
        "ID is het hele id (advies/visie/geen-visie) of, als maar één regel het heeft, het laatste deel.",
        "Show rule ID in words: header, sources, conditions, conclusion and cases.\n\n"
        "ID is the whole id (advies/visie/geen-visie) or, when only one rule has it, its last part.",
    ),
    "cli.rules.validate": (
        "Controleer het ingebouwde pakket plus DIR en meld elke fout, één regel per fout.\n\n"
        "Exitcode 0 als de pakketten in orde zijn, 2 bij een fout.",
        "Check the built-in pack plus DIR and report every error, one line each.\n\n"
        "Exit code 0 when the packs are clean, 2 when there is any error.",
    ),
    "cli.rules.validate.only": (
        "Controleer alleen DIR en de --rules-pakketten, niet het ingebouwde pakket.",
        "Validate only DIR and the --rules packs, not the built-in pack.",
    ),
    "cli.rules.validate.knowledge": ("Een andere kennisbank dan de ingebouwde.", "A knowledge base other than the built-in one."),
    "cli.rules.test": (
        "Voer de cases van elke regel uit met de engine en met de referentiesemantiek.\n\n"
        "Drukt een regel af per mislukte case en een samenvatting; exitcode 2 als een case mislukt.",
        "Run every rule's cases through the engine and the reference semantics.\n\n"
        "Prints one line per failing case and a summary; exit code 2 when any case fails.",
    ),
    "cli.rules.test.only": (
        "Voer alleen de cases uit van de regels in DIR en de --rules-pakketten.",
        "Run only the cases of the rules in DIR and the --rules packs.",
    ),
    "cli.rules.test.verbose": (
        "Druk een regel af voor elke case, ook voor de geslaagde.",
        "Print a line for every case, also the ones that pass.",
    ),
    "cli.rules.coverage": (
        "Regels, aanbevelingen en reflectievragen die geen case of voorbeeld bereikt; ongebruikte vragen.",
        "Rules, recommendations and reflection questions no case or example reaches; unused questions.",
    ),
    "cli.rules.coverage.examples": (
        "Feitenbestand of map daarmee die als voorbeeld telt (herhaalbaar; standaard: examples/ van de checkout).",
        "Facts file or folder of them to count as examples (repeatable; default: examples/ of the checkout).",
    ),
    "cli.new_rule": (
        "Maak het geraamte van regel ID: ID.yaml, ID.cases.yaml en de documentatie ID.md.\n\n"
        "Het geraamte test een echte vraag als plaatshouder (gemarkeerd met TODO) en doorstaat `rules "
        "validate` en `rules test` zoals het is; bestaande bestanden worden nooit overschreven.",
        "Scaffold rule ID: ID.yaml, ID.cases.yaml and the doc stub ID.md.\n\n"
        "The scaffold tests a real question as a placeholder (marked TODO) and passes `rules validate` "
        "and `rules test` as written; existing files are never overwritten.",
    ),
    "cli.new_rule.conclusion": (
        "recommend:REC, reflect:REF of criterion:PILLAR/STAGE.",
        "recommend:REC, reflect:REF or criterion:PILLAR/STAGE.",
    ),
    "cli.new_rule.dir": (
        "Het regelpakket waaraan de regel wordt toegevoegd (standaard: rules/ van deze checkout).",
        "The rule pack to add the rule to (default: rules/ of this checkout).",
    ),
    "cli.new_rule.title": ("De Nederlandse titel van de regel (standaard: een TODO).", "The rule's Dutch title (default: a TODO)."),
    "cli.serve": (
        "Start de webapp: beoordelingsrondes in de browser en de JSON-API (/api/v1).",
        "Start the web app: assessment rounds in the browser and the JSON API (/api/v1).",
    ),
    "cli.serve.database": (
        "SQLite-bestand of postgresql://-URL (standaard: de historiedatabase in de gegevensmap van de "
        "gebruiker; omgevingsvariabele ZORGADVIES_DB).",
        "SQLite file or postgresql:// URL (default: the history database in the user's data folder; env ZORGADVIES_DB).",
    ),
    "cli.serve.host": (
        "Adres om op te luisteren (houd localhost achter een reverse proxy).",
        "Address to listen on (keep localhost behind a reverse proxy).",
    ),
    "cli.serve.workers": ("Werkprocessen (alle toestand staat in de database).", "Worker processes (all state is in the database)."),
    "cli.serve.behind_tls_proxy": (
        "Achter een reverse proxy die TLS afhandelt: Secure-cookies, X-Forwarded-* van localhost vertrouwen.",
        "Behind a reverse proxy that terminates TLS: Secure cookies, trust X-Forwarded-* from localhost.",
    ),
    "cli.diff": (
        "Vergelijk twee beoordelingen van een organisatie.\n\n"
        "OLD en NEW zijn elk een feitenbestand (nu beoordeeld) of een JSON-rapport dat eerder met "
        "`zorgadvies assess --format json` is bewaard. Toont de verandering van stadium per pijler en "
        "welke aanbevelingen zijn opgelost en welke nieuw zijn.",
        "Compare two assessments of an organisation.\n\n"
        "OLD and NEW are each a facts file (assessed now) or a JSON report saved earlier with "
        "`zorgadvies assess --format json`. Shows the stage change per pillar and which "
        "recommendations were resolved and which are new.",
    ),
    "cli.history": (
        "Toon de bewaarde beoordelingen van ORGANISATION met het verloop van het stadium per pijler.\n\n"
        "Zonder ORGANISATION: de organisaties met bewaarde beoordelingen.",
        "List the saved assessments of ORGANISATION with the stage trend per pillar.\n\n"
        "Without ORGANISATION, list the organisations that have saved assessments.",
    ),
    "cli.history.db": (
        "Historiedatabase (standaard: zie docs/tracking.md; omgevingsvariabele ZORGADVIES_DB).",
        "History database (default: see docs/tracking.md; env ZORGADVIES_DB).",
    ),
    "cli.batch": (
        "Beoordeel elke organisatie in SOURCE: een map met feitenbestanden of een CSV-bestand.\n\n"
        "Een fout bestand of een foute rij wordt op stderr gemeld en de batch gaat door. Exitcode 0 als "
        "elke organisatie beoordeeld is, 2 als er een mislukte (de andere worden toch geschreven).",
        "Assess every organisation in SOURCE: a folder of facts files or a CSV file.\n\n"
        "A bad file or row is reported on stderr and the batch goes on. Exit code 0 when every "
        "organisation was assessed, 2 when any failed (the others are still written).",
    ),
    "cli.batch.out": ("Schrijf de resultaten hierheen: FILE.csv of FILE.json.", "Write the results here: FILE.csv or FILE.json."),
    "cli.batch.jobs": ("Werkprocessen (standaard: één per processorkern).", "Worker processes (default: every core)."),
    "cli.batch.peer": (
        "Toon waar deze organisatie (op naam) staat binnen de groep.",
        "Show where this organisation (by name) stands in the group.",
    ),
    "cli.batch.min_group": (
        "Kleinste groep waarvoor de vergelijking met branchegenoten getoond wordt.",
        "Smallest group for which the peer comparison is shown.",
    ),
    "cli.vragen": (
        "Gespreksleidraad voor FILE: elke vraag waarvan het antwoord het oordeel zou veranderen, per gesprekspartner.\n\n"
        "Elke vraag wordt met de engine gemeten (elk mogelijk antwoord wordt geprobeerd); de meest "
        "effectieve komen binnen elke groep eerst (docs/ask-next.md).",
        "Conversation guide for FILE: every question whose answer would change the verdict, by whom to ask.\n\n"
        "Each question is measured with the engine (every possible answer is tried); the most effective "
        "come first within each group (docs/ask-next.md).",
    ),
    "cli.vragenlijst": (
        "Schrijf de vragenlijst als werkmap die één respondent invult (Excel, LibreOffice).\n\n"
        "Eén rij per vraag in de volgorde van het interview, het antwoord als keuzelijst met de "
        "Nederlandse antwoordteksten en een kolom voor een toelichting. Geef elke respondent een kopie; "
        "lees de ingevulde werkmappen terug met `zorgadvies assess MAP` / `report MAP` (één werkmap per "
        "respondent, eventueel met het feitenbestand van de organisatie) of één werkmap (docs/respondents.md).",
        "Write the questionnaire as a workbook for one respondent to fill in (Excel, LibreOffice).\n\n"
        "One row per question in interview order, the answer as a drop-down of the Dutch answer texts "
        "and a column for a note. Give each respondent a copy; read the filled-in workbooks back with "
        "`zorgadvies assess FOLDER` / `report FOLDER` (one workbook per respondent, plus optionally the "
        "organisation's facts file) or a single workbook (docs/respondents.md).",
    ),
    "cli.vragenlijst.format": ("Formaat van de vragenlijst.", "Format of the questionnaire."),
    "cli.vragenlijst.organisation": (
        "Naam van de organisatie, ingevuld op het blad 'Gegevens'.",
        "Name of the organisation, filled in on the sheet 'Gegevens'.",
    ),
    "cli.vragenlijst.output": ("De werkmap die geschreven wordt (.xlsx).", "The workbook to write (.xlsx)."),
    # --- click's own strings: the English is click's msgid (zorgadvies/cli/lang.py) ----------------
    "click.usage": ("Gebruik:", "Usage:"),
    "click.options": ("Opties", "Options"),
    "click.commands": ("Commando's", "Commands"),
    "click.positional": ("Argumenten", "Positional arguments"),
    "click.help": ("Toon deze hulp en stop.", "Show this message and exit."),
    "click.version_help": ("Toon de versie en stop.", "Show the version and exit."),
    "click.version": ("%(prog)s, versie %(version)s", "%(prog)s, version %(version)s"),
    "click.default": ("standaard: {default}", "default: {default}"),
    "click.required": ("verplicht", "required"),
    "click.error": ("Fout: {message}", "Error: {message}"),
    "click.try": ("Probeer '{command} {option}' voor hulp.", "Try '{command} {option}' for help."),
    "click.aborted": ("Afgebroken!", "Aborted!"),
    "click.invalid_value": ("Ongeldige waarde: {message}", "Invalid value: {message}"),
    "click.invalid_value_for": ("Ongeldige waarde voor {param_hint}: {message}", "Invalid value for {param_hint}: {message}"),
    "click.missing_argument": ("Argument ontbreekt", "Missing argument"),
    "click.missing_option": ("Optie ontbreekt", "Missing option"),
    "click.missing_parameter": ("Parameter ontbreekt", "Missing parameter"),
    "click.missing_param_type": ("{param_type} ontbreekt", "Missing {param_type}"),
    "click.missing_parameter_named": ("Parameter ontbreekt: {param_name}", "Missing parameter: {param_name}"),
    "click.missing_command": ("Commando ontbreekt.", "Missing command."),
    "click.no_such_option": ("Onbekende optie {name!r}.", "No such option {name!r}."),
    "click.no_such_command": ("Onbekend commando {name!r}.", "No such command {name!r}."),
    "click.did_you_mean": ("Bedoelde u {possibility}?", "Did you mean {possibility}?"),
    "click.did_you_mean_one_of": ("(Bedoelde u een van: {possibilities}?)", "(Did you mean one of: {possibilities}?)"),
    "click.extra_argument": ("Onverwacht extra argument ({args})", "Got unexpected extra argument ({args})"),
    "click.extra_arguments": ("Onverwachte extra argumenten ({args})", "Got unexpected extra arguments ({args})"),
    "click.requires_argument": ("Optie {name!r} vraagt een waarde.", "Option {name!r} requires an argument."),
    "click.requires_arguments": ("Optie {name!r} vraagt {nargs} waarden.", "Option {name!r} requires {nargs} arguments."),
    "click.takes_no_value": ("Optie {name!r} neemt geen waarde.", "Option {name!r} does not take a value."),
    "click.not_choice": ("{value!r} is niet {choice}.", "{value!r} is not {choice}."),
    "click.not_one_of": ("{value!r} is niet een van {choices}.", "{value!r} is not one of {choices}."),
    "click.not_number": ("{value!r} is geen geldig {number_type}.", "{value!r} is not a valid {number_type}."),
    "click.not_in_range": ("{value} ligt niet in het bereik {range}.", "{value} is not in the range {range}."),
    "click.not_boolean": (
        "{value!r} is geen geldige booleaanse waarde. Geldig: {states}",
        "{value!r} is not a valid boolean. Recognized values: {states}",
    ),
    "click.file": ("bestand", "file"),
    "click.directory": ("map", "directory"),
    "click.path": ("pad", "path"),
    "click.does_not_exist": ("{name} {filename!r} bestaat niet.", "{name} {filename!r} does not exist."),
    "click.is_a_file": ("{name} {filename!r} is een bestand.", "{name} {filename!r} is a file."),
    "click.is_a_directory": ("{name} {filename!r} is een map.", "{name} {filename!r} is a directory."),
    "click.not_readable": ("{name} {filename!r} is niet leesbaar.", "{name} {filename!r} is not readable."),
    "click.not_writable": ("{name} {filename!r} is niet schrijfbaar.", "{name} {filename!r} is not writable."),
    "click.could_not_open": ("Kan bestand {filename!r} niet openen: {message}", "Could not open file {filename!r}: {message}"),
}
